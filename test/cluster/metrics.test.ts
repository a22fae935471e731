// GET /metrics in Prometheus text format, in both modes: connection, message, broadcast and
// handshake counters, the hub gauge, and the default process metrics.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ChatServer } from '../../chat/server/server.ts';
import {
  connect,
  HubDownOnce,
  rejectedUpgrade,
  startTestServer,
  type ServerEvent,
  type TestClient,
} from '../chat-server/helpers.ts';
import { redisSkipReason, startRedis, type RedisProcess } from '../support/redis.ts';

const servers: ChatServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function scrape(server: ChatServer): Promise<{ contentType: string; text: string }> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Returns the value of one sample line, e.g. `loopchat_connections 2`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const isMessage = (text: string) => (event: ServerEvent) =>
  event.type === 'message' && event.message === text;

describe('GET /metrics', () => {
  it('counts a hub refusal apart from failures', async () => {
    const server = await startTestServer({
      hub: new HubDownOnce(),
    });
    servers.push(server);
    const alice = await connect(server, { username: 'alice', v1: true });
    clients.push(alice);

    alice.send({ type: 'message', message: 'held', clientMsgId: 'h-1' });
    expect(await alice.next('error')).toMatchObject({ code: 'HUB_UNAVAILABLE' });

    const { text } = await scrape(server);
    expect(sample(text, 'loopchat_messages_received_total{result="hub_unavailable"}')).toBe(1);
    expect(sample(text, 'loopchat_messages_received_total{result="failed"}')).toBeUndefined();
  });

  it('counts connections, messages, broadcasts and rejections', async () => {
    const server = await startTestServer();
    servers.push(server);
    const alice = await connect(server, { username: 'alice', v1: true });
    const bob = await connect(server, { username: 'bob', v1: true });
    clients.push(alice, bob);
    alice.send({ type: 'message', message: 'counted', clientMsgId: 'c-1' });
    await bob.next(isMessage('counted'));
    alice.send({ type: 'message', message: 'counted', clientMsgId: 'c-1' });
    await alice.next((event) => event.type === 'ack' && event.duplicate === true);
    await rejectedUpgrade(server, '/nope');

    const { contentType, text } = await scrape(server);

    expect(contentType).toContain('text/plain');
    expect(sample(text, 'loopchat_connections')).toBe(2);
    expect(sample(text, 'loopchat_frames_received_total')).toBe(2);
    expect(sample(text, 'loopchat_messages_received_total{result="accepted"}')).toBe(1);
    expect(sample(text, 'loopchat_messages_received_total{result="duplicate"}')).toBe(1);
    expect(sample(text, 'loopchat_messages_delivered_total')).toBe(1);
    expect(sample(text, 'loopchat_broadcasts_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'loopchat_broadcast_frames_sent_total')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'loopchat_handshakes_rejected_total{code="NOT_FOUND"}')).toBe(1);
    expect(sample(text, 'loopchat_hub_up{hub="memory"}')).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps the counters of two servers apart', async () => {
    const first = await startTestServer();
    const second = await startTestServer();
    servers.push(first, second);
    clients.push(await connect(first, { username: 'alice' }));

    expect(sample((await scrape(first)).text, 'loopchat_connections')).toBe(1);
    expect(sample((await scrape(second)).text, 'loopchat_connections')).toBe(0);
  });
});

const skipReason = redisSkipReason();
let redis: RedisProcess | undefined;

describe.skipIf(skipReason !== undefined)('GET /metrics in cluster mode', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('reports the Redis hub up and then down', async () => {
    const server = await startTestServer({ redis: redis!.url });
    servers.push(server);
    expect(sample((await scrape(server)).text, 'loopchat_hub_up{hub="redis"}')).toBe(1);

    await redis!.kill();
    let value: number | undefined = 1;
    for (let attempt = 0; attempt < 500 && value === 1; attempt++) {
      value = sample((await scrape(server)).text, 'loopchat_hub_up{hub="redis"}');
      if (value === 1) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(value).toBe(0);
  });
});
