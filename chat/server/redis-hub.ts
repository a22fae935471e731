// ChatHub shared through Redis, so that several chat server processes (nodes) are one chat.
// Sequence numbers, history, dedupe and the epoch live in Redis and change in one Lua script per
// message. Pub/sub carries messages and presence changes to every node. Each node keeps its users
// under a heartbeat key with a TTL, and a live node removes the users of a node whose key expired.
//
// While Redis is unreachable the node keeps its local clients: joins and leaves work locally,
// `users` lists this node's users only, history and resume are served from the messages this
// node already delivered, and every new message is rejected with `HubUnavailableError` (the
// client gets `HUB_UNAVAILABLE` and resends later; dedupe makes the resend safe). Assigning
// sequence numbers locally would fork the history, so there is no local-only delivery. When Redis
// returns, the node subscribes again, registers its users again and delivers from the stored
// history what its clients missed, each message once.
import { randomUUID } from 'node:crypto';

import { Redis, type RedisOptions } from 'ioredis';

import { backoffDelay, type BackoffOptions } from '../../shared/backoff.ts';
import type { ChatMessage } from '../../shared/protocol.ts';
import {
  HubUnavailableError,
  type ChatHub,
  type HistoryResult,
  type HubEvent,
  type HubStatus,
  type PublishRequest,
  type PublishResult,
  type ResumePoint,
} from './hub.ts';
import type { Logger } from './logger.ts';
import {
  HEARTBEAT_LUA,
  JOIN_LUA,
  LEAVE_LUA,
  PUBLISH_LUA,
  REAP_LUA,
  SNAPSHOT_LUA,
  SYNC_LUA,
} from './redis-scripts.ts';

/** Default lifetime of a node's heartbeat key; its users are dropped this long after it dies. */
export const NODE_TTL_MS = 15_000;
/** Default time a client message id is remembered for dedupe. */
export const DEDUPE_TTL_SECONDS = 600;
/** Default time a Redis command may take before it fails and the node counts Redis as down. */
export const COMMAND_TIMEOUT_MS = 2_000;
const DEFAULT_RECONNECT_BACKOFF: BackoffOptions = {
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  jitter: 'equal',
};

export interface RedisHubOptions {
  /** `redis://` or `rediss://` URL. */
  url: string;
  /** Messages kept in Redis for replay and resume. */
  historySize: number;
  logger: Logger;
  /** Prefix of every key and of the pub/sub channel (default `loopchat:`). */
  keyPrefix?: string;
  /** Heartbeat key lifetime in milliseconds (default 15 000); refreshed every third of it. */
  nodeTtlMs?: number;
  /** Dedupe window in seconds (default 600). */
  dedupeTtlSeconds?: number;
  /** Command timeout in milliseconds (default 2 000). */
  commandTimeoutMs?: number;
  /** Reconnect backoff (default 200 ms doubling to 5 s, equal jitter). */
  reconnectBackoff?: BackoffOptions;
  /** Clock in milliseconds, for message timestamps. */
  now?: () => number;
}

/** Hub state as operators and `/readyz` see it. */
export type RedisHubState = 'connecting' | 'up' | 'down' | 'closed';

type ChannelEvent =
  | { type: 'message'; epoch: string; message: ChatMessage }
  | { type: 'presence'; change: 'join' | 'leave'; username: string; count: number; node: string };

interface ScriptCommands {
  chatPublish(...args: (string | number)[]): Promise<[string, number, number]>;
  chatSnapshot(...args: (string | number)[]): Promise<[string, number, number, ...string[]]>;
  chatJoin(...args: (string | number)[]): Promise<[string, number]>;
  chatLeave(...args: (string | number)[]): Promise<[number, number]>;
  chatHeartbeat(...args: (string | number)[]): Promise<number>;
  chatSync(...args: (string | number)[]): Promise<number>;
  chatReap(...args: (string | number)[]): Promise<number>;
}

const SCRIPTS: RedisOptions['scripts'] = {
  chatPublish: { lua: PUBLISH_LUA, numberOfKeys: 4 },
  chatSnapshot: { lua: SNAPSHOT_LUA, numberOfKeys: 4 },
  chatJoin: { lua: JOIN_LUA, numberOfKeys: 2 },
  chatLeave: { lua: LEAVE_LUA, numberOfKeys: 2 },
  chatHeartbeat: { lua: HEARTBEAT_LUA, numberOfKeys: 2 },
  chatSync: { lua: SYNC_LUA, numberOfKeys: 4 },
  chatReap: { lua: REAP_LUA, numberOfKeys: 2 },
};

export class RedisChatHub implements ChatHub {
  /** Random id of this process in the cluster, used in presence keys and logs. */
  readonly nodeId = randomUUID();

  readonly #options: Required<Omit<RedisHubOptions, 'reconnectBackoff'>> & {
    reconnectBackoff: BackoffOptions;
  };
  readonly #keys: ReturnType<typeof keysFor>;
  readonly #redis: Redis & ScriptCommands;
  readonly #subscriber: Redis;
  readonly #listeners = new Set<(event: HubEvent) => void>();
  readonly #logger: Logger;

  #state: RedisHubState = 'connecting';
  /** Epoch of the messages this node delivered; a provisional local one until Redis is reached. */
  #epoch = `local-${randomUUID()}`;
  #epochConfirmed = false;
  /** Sequence number of the last message delivered to listeners. */
  #lastSeq = 0;
  /** Messages this node delivered, oldest first: history while Redis is down. */
  #recent: ChatMessage[] = [];
  /**
   * Connection count per name on this node, normally 1. After Redis lost its data, a reconnect
   * can get the name its old, still open connection uses, and that leave must not end it.
   */
  #localUsers = new Map<string, number>();
  /** Set when a presence change could not reach Redis, so the next sync must send it. */
  #presenceStale = false;
  /** Serialises deliveries and reconnect work, so listeners see messages in sequence order. */
  #queue: Promise<void> = Promise.resolve();
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #downSince: number | undefined;
  /** The newest error of either Redis connection, named in the outage log line. */
  #lastConnectionError: Error | undefined;

  constructor(options: RedisHubOptions) {
    this.#options = {
      keyPrefix: 'loopchat:',
      nodeTtlMs: NODE_TTL_MS,
      dedupeTtlSeconds: DEDUPE_TTL_SECONDS,
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      now: Date.now,
      ...options,
      reconnectBackoff: options.reconnectBackoff ?? DEFAULT_RECONNECT_BACKOFF,
    };
    this.#logger = options.logger.child({ component: 'redis-hub', nodeId: this.nodeId });
    this.#keys = keysFor(this.#options.keyPrefix, this.nodeId);

    // Commands fail at once while disconnected instead of waiting in an offline queue, so a
    // message is either stored now or rejected now, never sent late behind the client's back.
    const connectionOptions: RedisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false,
      commandTimeout: this.#options.commandTimeoutMs,
      connectTimeout: this.#options.commandTimeoutMs,
      retryStrategy: (times) =>
        this.#state === 'closed' ? null : backoffDelay(times - 1, this.#options.reconnectBackoff),
    };
    this.#redis = new Redis(this.#options.url, {
      ...connectionOptions,
      scripts: SCRIPTS,
      connectionName: `loopchat-${this.nodeId}`,
    }) as Redis & ScriptCommands;
    this.#subscriber = new Redis(this.#options.url, {
      ...connectionOptions,
      connectionName: `loopchat-${this.nodeId}-sub`,
    });

    this.#watch(this.#redis, 'commands');
    this.#watch(this.#subscriber, 'subscriber');
    this.#subscriber.on('message', (_channel: string, payload: string) =>
      this.#onChannelEvent(payload),
    );
  }

  /** `up` when both Redis connections work; `/readyz` reports not ready otherwise. */
  get state(): RedisHubState {
    return this.#state;
  }

  isReady(): boolean {
    return this.#state === 'up';
  }

  /**
   * Connects and registers the node. Resolves once Redis replied or the first attempt failed;
   * in the second case the node serves its local clients and keeps retrying in the background.
   */
  async start(): Promise<void> {
    const connected = await Promise.all([
      this.#redis.connect().then(
        () => true,
        () => false,
      ),
      this.#subscriber.connect().then(
        () => true,
        () => false,
      ),
    ]);
    if (connected.every(Boolean)) await this.#enqueue(() => this.#recover());
    else this.#markDown(new Error('first connection attempt failed'));

    this.#heartbeatTimer = setInterval(
      () => void this.#enqueue(() => this.#heartbeat()),
      Math.max(100, Math.floor(this.#options.nodeTtlMs / 3)),
    );
    this.#heartbeatTimer.unref();
  }

  async join(requestedName: string): Promise<{ username: string; count: number }> {
    if (this.#state === 'up') {
      try {
        const [username, count] = await this.#redis.chatJoin(
          this.#keys.users,
          this.#keys.nodeUsers,
          requestedName,
          this.nodeId,
          this.#keys.channel,
        );
        this.#hold(username);
        this.#emit({ type: 'presence', change: 'join', username, count });
        return { username, count };
      } catch (error) {
        this.#markDown(error);
      }
    }

    // Redis is down: the name is unique on this node only; the next sync registers it.
    let username = requestedName;
    for (let suffix = 2; this.#localUsers.has(username); suffix++)
      username = `${requestedName} (${suffix})`;
    this.#hold(username);
    this.#presenceStale = true;
    const count = this.#localUsers.size;
    this.#emit({ type: 'presence', change: 'join', username, count });
    return { username, count };
  }

  async leave(username: string): Promise<{ count: number }> {
    const holders = this.#localUsers.get(username);
    if (holders === undefined) return { count: this.#localUsers.size };
    if (holders > 1) {
      // Another connection on this node still uses the name, so the user stays online.
      this.#localUsers.set(username, holders - 1);
      return { count: this.#localUsers.size };
    }
    this.#localUsers.delete(username);

    if (this.#state === 'up') {
      try {
        const [, count] = await this.#redis.chatLeave(
          this.#keys.users,
          this.#keys.nodeUsers,
          username,
          this.nodeId,
          this.#keys.channel,
        );
        this.#emit({ type: 'presence', change: 'leave', username, count });
        return { count };
      } catch (error) {
        this.#markDown(error);
      }
    }

    this.#presenceStale = true;
    const count = this.#localUsers.size;
    this.#emit({ type: 'presence', change: 'leave', username, count });
    return { count };
  }

  async users(limit: number): Promise<{ users: string[]; count: number }> {
    if (this.#state === 'up') {
      try {
        // NOTE: HKEYS reads every name; fine for thousands of users, not for millions.
        const names = await this.#redis.hkeys(this.#keys.users);
        return { users: names.sort().slice(0, limit), count: names.length };
      } catch (error) {
        this.#markDown(error);
      }
    }
    const names = [...this.#localUsers.keys()].sort();
    return { users: names.slice(0, limit), count: names.length };
  }

  async publishMessage(request: PublishRequest): Promise<PublishResult> {
    if (this.#state !== 'up') throw new HubUnavailableError();

    const dedupe = request.clientMsgId !== undefined;
    const dedupeKey = dedupe
      ? `${this.#keys.dedupePrefix}${request.senderKey}\u0000${request.clientMsgId}`
      : `${this.#keys.dedupePrefix}-`;
    try {
      const [epoch, seq, duplicate] = await this.#redis.chatPublish(
        this.#keys.epoch,
        this.#keys.seq,
        this.#keys.history,
        dedupeKey,
        randomUUID(),
        request.username,
        request.message,
        Math.floor(this.#options.now() / 1000),
        this.#options.historySize,
        dedupe ? '1' : '0',
        this.#options.dedupeTtlSeconds,
        this.#keys.channel,
      );
      return { epoch, seq, duplicate: duplicate === 1 };
    } catch (error) {
      // The script may or may not have run before the connection failed; a resend with the same
      // client message id is deduplicated either way.
      this.#markDown(error);
      throw new HubUnavailableError(error);
    }
  }

  async history(after: ResumePoint | undefined, limit: number): Promise<HistoryResult> {
    let epoch = this.#epoch;
    let window = this.#recent;
    let newestSeq = this.#lastSeq;

    if (this.#state === 'up') {
      try {
        const [redisEpoch, seq, , ...entries] = await this.#redis.chatSnapshot(
          this.#keys.epoch,
          this.#keys.seq,
          this.#keys.history,
          this.#keys.users,
          randomUUID(),
          '1',
        );
        epoch = redisEpoch;
        newestSeq = seq;
        window = entries.map((entry) => JSON.parse(entry) as ChatMessage);
      } catch (error) {
        this.#markDown(error);
      }
    }
    return sliceHistory(epoch, window, newestSeq, after, limit);
  }

  async status(): Promise<HubStatus> {
    if (this.#state === 'up') {
      try {
        const [epoch, seq, count] = await this.#redis.chatSnapshot(
          this.#keys.epoch,
          this.#keys.seq,
          this.#keys.history,
          this.#keys.users,
          randomUUID(),
          '0',
        );
        return { epoch, seq, count };
      } catch (error) {
        this.#markDown(error);
      }
    }
    return { epoch: this.#epoch, seq: this.#lastSeq, count: this.#localUsers.size };
  }

  subscribe(listener: (event: HubEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Removes this node's users from Redis (publishing their leaves) and disconnects. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    clearInterval(this.#heartbeatTimer);

    if (this.#state === 'up') {
      try {
        this.#localUsers.clear();
        await this.#sync();
        await this.#redis.del(this.#keys.alive);
        await this.#redis.srem(this.#keys.nodes, this.nodeId);
      } catch (error) {
        this.#logger.warn({ err: error }, 'could not deregister the node from Redis');
      }
    }

    this.#state = 'closed';
    this.#listeners.clear();
    await Promise.allSettled([this.#redis.quit(), this.#subscriber.quit()]);
    this.#redis.disconnect();
    this.#subscriber.disconnect();
  }

  // ---------------------------------------------------------------------------------------------
  // Connection state.

  #watch(connection: Redis, role: 'commands' | 'subscriber'): void {
    // ioredis emits `error` for every failed attempt; the `close` handler below logs the outage
    // once, so these only go to debug.
    connection.on('error', (error: Error) => {
      this.#lastConnectionError = error;
      this.#logger.debug({ err: error, role }, 'redis connection error');
    });
    connection.on('close', () => {
      // The close itself carries no reason; the last error (ECONNREFUSED, ENOTFOUND, an auth
      // failure) shows the operator what to fix.
      const reason = this.#lastConnectionError?.message;
      const message = `${role} connection closed${reason ? `: ${reason}` : ''}`;
      if (this.#state !== 'closed') this.#markDown(new Error(message));
    });
    connection.on('reconnecting', (delayMs: number) =>
      this.#logger.debug({ role, delayMs }, 'reconnecting to redis'),
    );
    connection.on('ready', () => {
      this.#lastConnectionError = undefined;
      if (this.#state === 'closed' || this.#state === 'connecting') return;
      if (this.#redis.status === 'ready' && this.#subscriber.status === 'ready')
        void this.#enqueue(() => this.#recover());
    });
  }

  #markDown(error: unknown): void {
    if (this.#state === 'down' || this.#state === 'closed') return;
    this.#state = 'down';
    this.#downSince = Date.now();
    // One line with the cause and no stack: an operator needs the URL and the reason.
    this.#logger.warn(
      {
        redis: redactedUrl(this.#options.url),
        error: error instanceof Error ? error.message : String(error),
      },
      'redis unavailable: serving local clients only and rejecting new messages until it returns; /readyz is 503 meanwhile (check --redis or REDIS_URL if it never connects)',
    );
  }

  /**
   * Subscribes, registers this node's users and delivers what the clients missed. Runs on the
   * queue, so no live message is delivered while it catches up.
   */
  async #recover(): Promise<void> {
    if (this.#state === 'closed' || this.#state === 'up') return;
    if (this.#redis.status !== 'ready' || this.#subscriber.status !== 'ready') return;

    try {
      // Subscribe before reading the history, so a message published in between arrives by
      // pub/sub too and is skipped there by its sequence number, never lost.
      await this.#subscriber.subscribe(this.#keys.channel);
      await this.#sync();
      await this.#catchUp();
    } catch (error) {
      this.#logger.warn({ err: error }, 'redis recovery failed; retrying on the next heartbeat');
      return;
    }

    const downSince = this.#downSince;
    this.#state = 'up';
    this.#downSince = undefined;
    if (downSince === undefined)
      this.#logger.info({ epoch: this.#epoch }, 'joined the redis chat cluster');
    else this.#logger.info({ downMs: Date.now() - downSince }, 'redis available again');
  }

  /**
   * Reads the stored history and delivers every message after the last delivered one, or adopts
   * the epoch Redis reports when it differs from this node's epoch.
   */
  async #catchUp(): Promise<void> {
    const [epoch, seq, , ...entries] = await this.#redis.chatSnapshot(
      this.#keys.epoch,
      this.#keys.seq,
      this.#keys.history,
      this.#keys.users,
      randomUUID(),
      '1',
    );
    const stored = entries.map((entry) => JSON.parse(entry) as ChatMessage);

    if (epoch !== this.#epoch) {
      this.#adoptEpoch(epoch, seq, stored);
      return;
    }
    // Messages that fell out of the window before this node read them are gone for its clients
    // too. v1 clients see the jump in `seq` and can resume.
    for (const message of stored) if (message.seq > this.#lastSeq) this.#deliver(message);
  }

  /**
   * Switches to an epoch Redis reports. The first one is simply adopted. A later change means
   * Redis lost the history (a restart without persistence), so listeners get a `reset`.
   */
  #adoptEpoch(epoch: string, seq: number, stored: ChatMessage[]): void {
    const hadEpoch = this.#epochConfirmed;
    const previous = this.#epoch;
    this.#epoch = epoch;
    this.#epochConfirmed = true;
    this.#lastSeq = seq;
    this.#recent = stored.slice(-this.#options.historySize);

    if (hadEpoch) {
      this.#logger.warn({ previousEpoch: previous, epoch }, 'redis history was reset');
      this.#emit({ type: 'reset', epoch });
    } else if (this.#provisionalEpochServed) {
      // Nothing was lost: the clients that joined before Redis was reachable have sequence
      // numbers of this node's provisional history, which the shared one replaces.
      this.#logger.warn(
        { provisionalEpoch: previous, epoch },
        'reached redis for the first time; clients that joined before are reconnected to take the shared history',
      );
      this.#emit({ type: 'reset', epoch });
    }
  }

  /** True once a client may have seen the provisional epoch, so a change must be announced. */
  get #provisionalEpochServed(): boolean {
    return this.#localUsers.size > 0;
  }

  #hold(username: string): void {
    this.#localUsers.set(username, (this.#localUsers.get(username) ?? 0) + 1);
  }

  async #sync(): Promise<void> {
    await this.#redis.chatSync(
      this.#keys.users,
      this.#keys.nodeUsers,
      this.#keys.alive,
      this.#keys.nodes,
      this.nodeId,
      this.#options.nodeTtlMs,
      this.#keys.channel,
      ...this.#localUsers.keys(),
    );
    this.#presenceStale = false;
  }

  async #heartbeat(): Promise<void> {
    if (this.#state === 'closed') return;
    if (this.#state !== 'up') {
      await this.#recover();
      return;
    }

    try {
      const existed = await this.#redis.chatHeartbeat(
        this.#keys.alive,
        this.#keys.nodes,
        this.nodeId,
        this.#options.nodeTtlMs,
      );
      // An expired key means other nodes may have dropped this node's users.
      if (existed === 0 || this.#presenceStale) await this.#sync();

      const removed = await this.#redis.chatReap(
        this.#keys.users,
        this.#keys.nodes,
        this.#options.keyPrefix,
        this.#keys.channel,
      );
      if (removed > 0) this.#logger.info({ removed }, 'removed the users of expired nodes');
    } catch (error) {
      this.#markDown(error);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Deliveries.

  #onChannelEvent(payload: string): void {
    let event: ChannelEvent;
    try {
      event = JSON.parse(payload) as ChannelEvent;
    } catch (error) {
      this.#logger.error({ err: error }, 'ignoring a malformed pub/sub payload');
      return;
    }

    if (event.type === 'presence') {
      // A node reports its own changes directly; pub/sub brings the other nodes' changes.
      if (event.node === this.nodeId) return;
      void this.#enqueue(async () =>
        this.#emit({
          type: 'presence',
          change: event.change,
          username: event.username,
          count: event.count,
        }),
      );
      return;
    }

    void this.#enqueue(() => this.#receiveMessage(event.epoch, event.message));
  }

  async #receiveMessage(epoch: string, message: ChatMessage): Promise<void> {
    if (epoch === this.#epoch && message.seq <= this.#lastSeq) return;
    if (epoch === this.#epoch && message.seq === this.#lastSeq + 1) {
      this.#deliver(message);
      return;
    }

    // A gap (this node missed a pub/sub message) or a new epoch (Redis lost its data): the
    // stored history has this message and the ones before it.
    try {
      await this.#catchUp();
    } catch (error) {
      this.#logger.warn(
        { err: error, seq: message.seq },
        'could not read the history to fill a gap',
      );
    }
    // With a history window of 0 the stored history never has the message itself.
    if (epoch === this.#epoch && message.seq > this.#lastSeq) this.#deliver(message);
  }

  #deliver(message: ChatMessage): void {
    this.#lastSeq = message.seq;
    this.#recent.push(message);
    if (this.#recent.length > this.#options.historySize) this.#recent.shift();
    this.#emit({ type: 'message', message });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch((error: unknown) =>
      this.#logger.error({ err: error }, 'redis hub task failed'),
    );
    return this.#queue;
  }

  #emit(event: HubEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

function keysFor(prefix: string, nodeId: string) {
  return {
    epoch: `${prefix}epoch`,
    seq: `${prefix}seq`,
    history: `${prefix}history`,
    dedupePrefix: `${prefix}dedupe:`,
    users: `${prefix}users`,
    nodes: `${prefix}nodes`,
    nodeUsers: `${prefix}node:${nodeId}:users`,
    alive: `${prefix}node:${nodeId}:alive`,
    channel: `${prefix}events`,
  };
}

/**
 * Applies the resume rules of the in-memory hub to a window of consecutive messages: all messages
 * after the resume point, how many fell out of the window, or the newest `limit` without one.
 */
export function sliceHistory(
  epoch: string,
  window: readonly ChatMessage[],
  newestSeq: number,
  after: ResumePoint | undefined,
  limit: number,
): HistoryResult {
  const newest = (count: number) => (count <= 0 ? [] : window.slice(-count));
  if (after === undefined) return { epoch, messages: newest(limit), lost: 0, epochChanged: false };
  if (after.epoch !== epoch) return { epoch, messages: newest(limit), lost: 0, epochChanged: true };

  const oldestKept = window[0]?.seq ?? newestSeq + 1;
  const lost = Math.max(0, oldestKept - 1 - after.seq);
  const messages = window.filter((message) => message.seq > after.seq);
  return { epoch, messages, lost, epochChanged: false };
}

/** Returns the Redis URL for a log line, with its password replaced by `***`. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // The config check accepts only valid URLs; this keeps a log line from throwing anyway.
    return '(invalid URL)';
  }
}
