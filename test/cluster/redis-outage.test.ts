// Redis failures in cluster mode: while Redis is down the nodes stay up, report not ready, keep
// their local clients and reject messages with HUB_UNAVAILABLE; when Redis returns they register
// their users again and deliver what their clients missed, each message once. A Redis that comes
// back empty starts a new epoch, and the nodes close their clients with 1012 so that they resume.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { connect, type ConnectOptions, type ServerEvent } from '../chat-server/helpers.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { redisSkipReason, startRedis, type RedisProcess } from '../support/redis.ts';
import { Cluster, readyStatus, until, untilReady, withRedis } from './helpers.ts';

const skipReason = redisSkipReason();

/** Fast reconnects, so that a test does not wait seconds for the nodes to notice Redis is back. */
const FAST_RECONNECT = { initialDelayMs: 50, maxDelayMs: 200, jitter: 'none' } as const;

let redis: RedisProcess;
let cluster: Cluster;

beforeAll(async () => {
  if (skipReason) return;
  redis = await startRedis();
  cluster = new Cluster(redis);
});

afterEach(async () => {
  if (!redis) return;
  // A test may leave Redis killed; the next one needs it running and without a saved file.
  if (redis.child.exitCode !== null || redis.child.signalCode !== null) await restartRedis();
  await cluster.reset();
  rmSync(path.join(redis.directory, 'dump.rdb'), { force: true });
});

afterAll(async () => {
  await redis?.stop();
});

const open = async (node: ChatServer, options: ConnectOptions) =>
  cluster.track(await connect(node, { v1: true, ...options }));

const isMessage = (text: string) => (event: ServerEvent) =>
  event.type === 'message' && event.message === text;

const messagesOf = (client: { events: ServerEvent[] }) =>
  client.events.filter((event) => event.type === 'message').map((event) => event.message);

/** Kills Redis after SAVE, so that a restart in the same directory brings the data back. */
async function crashRedisKeepingData(): Promise<void> {
  await withRedis(redis.url, (connection) => connection.save());
  await redis.kill();
}

async function restartRedis(): Promise<void> {
  const restarted = await startRedis({ port: redis.port, directory: redis.directory });
  redis = restarted;
  // Nodes and clients stay; only the process handle changes.
  const next = new Cluster(restarted);
  cluster.nodes.forEach((node) => next.nodes.push(node));
  cluster.clients.forEach((client) => next.clients.push(client));
  cluster = next;
}

describe.skipIf(skipReason !== undefined)('redis outage', () => {
  it('keeps nodes up and local chat working while Redis is down', async () => {
    const { node: nodeA } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    const { node: nodeB } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    const alice = await open(nodeA, { username: 'alice' });
    const bob = await open(nodeB, { username: 'bob' });
    alice.send({ type: 'message', message: 'before' });
    await bob.next(isMessage('before'));

    await crashRedisKeepingData();
    await untilReady(nodeA, 503);
    await untilReady(nodeB, 503);

    alice.send({ type: 'message', message: 'during', clientMsgId: 'd-1' });
    const rejected = await alice.next('error');
    expect(rejected).toMatchObject({
      code: 'HUB_UNAVAILABLE',
      clientMsgId: 'd-1',
      retryAfterMs: expect.any(Number),
    });

    const carol = await open(nodeA, { username: 'carol' });
    expect(carol.events[0]).toMatchObject({ type: 'welcome', username: 'carol' });
    await alice.next((event) => event.type === 'join' && event.username === 'carol');
    alice.send({ type: 'ping', id: 'p-1' });
    expect(await alice.next('pong')).toEqual({ type: 'pong', id: 'p-1' });

    await restartRedis();
    await untilReady(nodeA, 200);
    await untilReady(nodeB, 200);

    alice.send({ type: 'message', message: 'during', clientMsgId: 'd-1' });
    const ack = await alice.next('ack');
    expect(ack).toMatchObject({ duplicate: false, seq: 2, epoch: alice.events[0]!.epoch });
    await bob.next(isMessage('during'));
    expect(messagesOf(bob)).toEqual(['before', 'during']);

    // Carol joined node A while Redis was down; node A registered her when Redis returned.
    bob.send({ type: 'who' });
    expect(await bob.next('users')).toMatchObject({ users: ['alice', 'bob', 'carol'], count: 3 });
  });

  it('serves the history a node delivered while Redis is down', async () => {
    const { node } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    const alice = await open(node, { username: 'alice' });
    const epoch = alice.events[0]!.epoch as string;
    for (const text of ['one', 'two']) alice.send({ type: 'message', message: text });
    await alice.next(isMessage('two'));

    await crashRedisKeepingData();
    await untilReady(node, 503);

    const back = await open(node, { username: 'bob', query: { epoch, after: '1' } });
    const history = back.events.find((event) => event.type === 'history')!;
    expect(history).toMatchObject({ epoch, lost: 0, epochChanged: false });
    expect((history.messages as { message: string }[]).map((m) => m.message)).toEqual(['two']);
  });

  it('delivers the messages a node missed while cut off', async () => {
    const { node: nodeA } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    // Node B waits a fixed second before it reconnects, so the messages below are sent while
    // it is cut off and can reach its client only from the stored history.
    const { node: nodeB, hub: hubB } = await cluster.startNodeWithHub({
      reconnectBackoff: { initialDelayMs: 1_000, maxDelayMs: 1_000, jitter: 'none' },
    });
    const alice = await open(nodeA, { username: 'alice' });
    const bob = await open(nodeB, { username: 'bob' });

    await withRedis(redis.url, async (connection) => {
      const clients = await connection.client('LIST');
      const ids = String(clients)
        .split('\n')
        .filter((line) => line.includes(`name=loopchat-${hubB.nodeId}`))
        .map((line) => /(?:^| )id=(\d+)/.exec(line)![1]!);
      expect(ids).toHaveLength(2);
      for (const id of ids) await connection.client('KILL', 'ID', id);
    });
    await until(() => hubB.state === 'down', 'node B to notice the lost connection');

    for (const text of ['m1', 'm2', 'm3']) alice.send({ type: 'message', message: text });
    await alice.next(isMessage('m3'));
    expect(messagesOf(bob)).toEqual([]);

    await untilReady(nodeB, 200);
    await bob.next(isMessage('m3'));
    alice.send({ type: 'message', message: 'm4' });
    await bob.next(isMessage('m4'));

    expect(messagesOf(bob)).toEqual(['m1', 'm2', 'm3', 'm4']);
    const seqs = bob.events.filter((event) => event.type === 'message').map((event) => event.seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('closes clients with 1012 when Redis returns empty', async () => {
    const { node: nodeA } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    const alice = await open(nodeA, { username: 'alice' });
    const oldEpoch = alice.events[0]!.epoch as string;
    alice.send({ type: 'message', message: 'old' });
    await alice.next(isMessage('old'));

    await redis.kill();
    await untilReady(nodeA, 503);
    // No SAVE before the crash and no file from an earlier test: Redis restarts empty.
    rmSync(path.join(redis.directory, 'dump.rdb'), { force: true });
    await restartRedis();

    const closed = await alice.closed;
    expect(closed.code).toBe(1012);
    await untilReady(nodeA, 200);

    const back = await open(nodeA, { username: 'alice', query: { epoch: oldEpoch, after: '1' } });
    const history = back.events.find((event) => event.type === 'history')!;
    expect(history).toMatchObject({ epochChanged: true, messages: [] });
    expect(history.epoch).not.toBe(oldEpoch);
  });

  it('keeps a name shared after data loss online', async () => {
    const { node } = await cluster.startNodeWithHub({ reconnectBackoff: FAST_RECONNECT });
    const watcher = await open(node, { username: 'watcher' });
    const oldBen = await open(node, { username: 'ben' });
    await watcher.next((event) => event.type === 'join' && event.username === 'ben');

    // Redis lost ben's registration, as after a restart without persistence, so a client that
    // reconnects while the old connection is still open is given the same name.
    await withRedis(redis.url, (connection) => connection.hdel('loopchat:users', 'ben'));
    const newBen = await open(node, { username: 'ben' });
    expect(newBen.events[0]).toMatchObject({ type: 'welcome', username: 'ben' });

    oldBen.socket.close();
    await oldBen.closed;
    await until(() => node.connectionCount() === 2, 'the server to drop the old connection');
    // Presence changes are flushed in order, so a leave of the old connection would reach the
    // watcher before carol's join does.
    await open(node, { username: 'carol' });
    await watcher.next((event) => event.type === 'join' && event.username === 'carol');

    expect(watcher.events.filter((event) => event.type === 'leave')).toEqual([]);
    expect(
      await withRedis(redis.url, (connection) => connection.hexists('loopchat:users', 'ben')),
    ).toBe(1);
    watcher.send({ type: 'who' });
    expect(await watcher.next('users')).toMatchObject({
      users: ['ben', 'carol', 'watcher'],
      count: 3,
    });
  });

  it('starts not ready when Redis is unreachable and becomes ready when it starts', async () => {
    await redis.kill();
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const { node } = await cluster.startNodeWithHub({
      reconnectBackoff: FAST_RECONNECT,
      logger: pino({ level: 'warn' }, sink),
    });
    expect(await readyStatus(node)).toBe(503);

    // The outage line names the Redis URL and why the connection failed.
    const outage = lines.find((line) => String(line.msg).startsWith('redis unavailable'));
    expect(outage?.redis).toBe(new URL(redis.url).toString());
    expect(outage?.error).toContain('ECONNREFUSED');
    expect(outage?.err).toBeUndefined();

    const early = await open(node, { username: 'early' });
    expect(early.events[0]).toMatchObject({ type: 'welcome', username: 'early' });

    await restartRedis();
    await untilReady(node, 200);

    // The first contact replaces the provisional history; no history was lost, and the log
    // must not say so.
    expect((await early.closed).code).toBe(1012);
    const messages = lines.map((line) => String(line.msg));
    expect(messages.some((message) => message.startsWith('reached redis for the first time'))).toBe(
      true,
    );
    expect(messages).not.toContain('redis history was reset');
  });
});
