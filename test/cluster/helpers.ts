// Helpers for cluster tests: chat nodes in this process that share one test redis-server, a
// plain Redis connection for inspecting and flushing it, and readiness polling.
import { Redis } from 'ioredis';

import { RedisChatHub, type RedisHubOptions } from '../../chat/server/redis-hub.ts';
import type { ChatServer, ChatServerOptions } from '../../chat/server/server.ts';
import { createLogger } from '../../chat/server/logger.ts';
import { startTestServer, until, type TestClient } from '../chat-server/helpers.ts';
import type { RedisProcess } from '../support/redis.ts';

/**
 * Heartbeat key lifetime for in-process nodes. Long enough that a node stalled by a loaded CI
 * machine is not declared dead; the expiry test starts its own node with a shorter one.
 */
export const TEST_NODE_TTL_MS = 5_000;

export class Cluster {
  readonly redis: RedisProcess;
  readonly nodes: ChatServer[] = [];
  readonly clients: TestClient[] = [];
  readonly #hubs: RedisChatHub[] = [];

  constructor(redis: RedisProcess) {
    this.redis = redis;
  }

  /** Starts a node whose hub the server creates from `redis` and closes itself. */
  async startNode(options: ChatServerOptions = {}): Promise<ChatServer> {
    const node = await startTestServer({
      redis: this.redis.url,
      redisNodeTtlMs: TEST_NODE_TTL_MS,
      ...options,
    });
    this.nodes.push(node);
    return node;
  }

  /**
   * Starts a node with a hub built here, for options the CLI does not expose (reconnect
   * backoff). The cluster closes the hub after the node.
   */
  async startNodeWithHub(
    hubOptions: Partial<RedisHubOptions> = {},
    options: ChatServerOptions = {},
  ): Promise<{ node: ChatServer; hub: RedisChatHub }> {
    const hub = new RedisChatHub({
      url: this.redis.url,
      historySize: 500,
      nodeTtlMs: TEST_NODE_TTL_MS,
      logger: createLogger({ logFormat: 'json', logLevel: 'silent' }),
      ...hubOptions,
    });
    await hub.start();
    this.#hubs.push(hub);
    const node = await startTestServer({ hub, ...options });
    this.nodes.push(node);
    return { node, hub };
  }

  track(client: TestClient): TestClient {
    this.clients.push(client);
    return client;
  }

  /** Closes every client, node and hub, then empties Redis for the next test. */
  async reset(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.close()));
    await Promise.all(this.nodes.splice(0).map((node) => node.close()));
    await Promise.all(this.#hubs.splice(0).map((hub) => hub.close()));
    await withRedis(this.redis.url, (redis) => redis.flushall());
  }
}

/** Runs `work` with a short-lived plain Redis connection. */
export async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Returns the status code of GET /readyz. */
export async function readyStatus(node: Pick<ChatServer, 'url'>): Promise<number> {
  const response = await fetch(`${node.url}/readyz`);
  await response.body?.cancel();
  return response.status;
}

/** Polls /readyz until it returns `status`. */
export async function untilReady(
  node: Pick<ChatServer, 'url'>,
  status: 200 | 503,
  limitMs = 15_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if ((await readyStatus(node)) === status) return;
    if (Date.now() - started > limitMs)
      throw new Error(`/readyz of ${node.url} did not return ${status} within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export { until };
