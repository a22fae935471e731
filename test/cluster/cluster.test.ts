// Cluster mode through a real redis-server: two chat nodes in this process share one chat. A
// message sent on one node reaches the clients of both, sequence numbers and the user list are
// cluster-wide, a client resumes on the other node without loss or duplicates, and a resent
// client message id is broadcast once whichever node receives it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { connect, type ConnectOptions, type ServerEvent } from '../chat-server/helpers.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { redisSkipReason, startRedis, type RedisProcess } from '../support/redis.ts';
import { Cluster, until } from './helpers.ts';

const skipReason = redisSkipReason();

let redis: RedisProcess;
let cluster: Cluster;

beforeAll(async () => {
  if (skipReason) return;
  redis = await startRedis();
  cluster = new Cluster(redis);
});

afterEach(async () => {
  await cluster?.reset();
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

/** Names reported as left, by `leave` events and by `presence` summaries. */
/** Returns the names a client saw join or leave, from single events and `presence` summaries. */
function presenceNames(client: { events: ServerEvent[] }, change: 'join' | 'leave'): string[] {
  const summaryField = change === 'join' ? 'joined' : 'left';
  return client.events.flatMap((event) => {
    if (event.type === change) return [event.username as string];
    if (event.type === 'presence') return event[summaryField] as string[];
    return [];
  });
}

const namesThatLeft = (client: { events: ServerEvent[] }) => presenceNames(client, 'leave');
const namesThatJoined = (client: { events: ServerEvent[] }) => presenceNames(client, 'join');

describe.skipIf(skipReason !== undefined)('redis cluster', () => {
  describe('delivery', () => {
    it('delivers a message to the clients of both nodes', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });

      alice.send({ type: 'message', message: 'hello from A' });

      const atAlice = await alice.next(isMessage('hello from A'));
      const atBob = await bob.next(isMessage('hello from A'));
      expect(atAlice).toMatchObject({ seq: 1, username: 'alice' });
      expect(atBob).toMatchObject({ seq: 1, username: 'alice' });
    });

    it('delivers plain-protocol messages across nodes', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice', v1: false });
      const bob = await open(nodeB, { username: 'bob', v1: false });

      alice.send('plain hello');

      const atBob = await bob.next(isMessage('plain hello'));
      expect(atBob).toEqual({
        type: 'message',
        username: 'alice',
        message: 'plain hello',
        timestamp: expect.any(Number),
      });
    });

    it('numbers messages from both nodes in one sequence', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });

      alice.send({ type: 'message', message: 'a1' });
      await bob.next(isMessage('a1'));
      bob.send({ type: 'message', message: 'b1' });
      await alice.next(isMessage('b1'));
      alice.send({ type: 'message', message: 'a2' });
      await bob.next(isMessage('a2'));
      await alice.next(isMessage('a2'));

      const seqsAt = (client: { events: ServerEvent[] }) =>
        client.events.filter((event) => event.type === 'message').map((event) => event.seq);
      expect(seqsAt(alice)).toEqual([1, 2, 3]);
      expect(seqsAt(bob)).toEqual([1, 2, 3]);
      expect(messagesOf(alice)).toEqual(['a1', 'b1', 'a2']);
      expect(messagesOf(bob)).toEqual(['a1', 'b1', 'a2']);
    });

    it('shares one epoch between the nodes', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });

      expect(alice.events[0]!.epoch).toBe(bob.events[0]!.epoch);
    });
  });

  describe('presence', () => {
    it('counts and lists the users of every node', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });

      expect(bob.events[0]).toMatchObject({ type: 'welcome', count: 2 });
      const joined = await alice.next((event) => event.type === 'join' && event.username === 'bob');
      expect(joined.count).toBe(2);

      alice.send({ type: 'who' });
      const users = await alice.next('users');
      expect(users).toEqual({ type: 'users', users: ['alice', 'bob'], count: 2, truncated: false });
    });

    it('gives a name taken on another node a suffix', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      await open(nodeA, { username: 'alice' });
      const second = await open(nodeB, { username: 'alice' });

      expect(second.events[0]).toMatchObject({ type: 'welcome', username: 'alice (2)' });
    });

    it('reports a leave on the other node', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });
      await alice.next((event) => event.type === 'join' && event.username === 'bob');

      await bob.close();

      const left = await alice.next((event) => event.type === 'leave');
      expect(left).toEqual({ type: 'leave', username: 'bob', count: 1 });
    });

    it('drops the users of a node that shuts down gracefully', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      await open(nodeB, { username: 'bob' });
      await open(nodeB, { username: 'carol' });
      // A join and a leave in one presence flush cancel out, so the joins must be out first.
      await until(() => namesThatJoined(alice).length === 3, 'three joins');

      await nodeB.close();

      // The leaves may arrive in either order, and one presence flush may summarise them as a
      // v1 `presence` event.
      await until(() => namesThatLeft(alice).length === 2, 'two leaves');
      expect(namesThatLeft(alice).sort()).toEqual(['bob', 'carol']);
      alice.send({ type: 'who' });
      expect(await alice.next('users')).toMatchObject({ users: ['alice'], count: 1 });
    });
  });

  describe('resume and dedupe', () => {
    it('resumes on the other node without loss or duplicates', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const alice = await open(nodeA, { username: 'alice' });
      const bob = await open(nodeB, { username: 'bob' });
      const epoch = alice.events[0]!.epoch as string;

      for (const text of ['one', 'two', 'three']) bob.send({ type: 'message', message: text });
      const lastSeen = await alice.next(isMessage('three'));
      alice.socket.terminate();
      await alice.closed;

      for (const text of ['four', 'five', 'six']) bob.send({ type: 'message', message: text });
      await bob.next(isMessage('six'));

      const back = await connect(nodeB, {
        username: 'alice',
        v1: true,
        query: { epoch, after: String(lastSeen.seq) },
      });
      cluster.track(back);
      const history = back.events.find((event) => event.type === 'history')!;
      expect(history).toMatchObject({ epoch, lost: 0, epochChanged: false });
      expect((history.messages as { message: string }[]).map((m) => m.message)).toEqual([
        'four',
        'five',
        'six',
      ]);

      bob.send({ type: 'message', message: 'seven' });
      await back.next(isMessage('seven'));
      expect(messagesOf(back)).toEqual(['seven']);
    });

    it('broadcasts a client message id resent to another node once', async () => {
      const nodeA = await cluster.startNode();
      const nodeB = await cluster.startNode();
      const bob = await open(nodeB, { username: 'bob' });
      const alice = await open(nodeA, { username: 'alice' });

      alice.send({ type: 'message', message: 'only once', clientMsgId: 'm-1' });
      const first = await alice.next('ack');
      alice.socket.terminate();
      await alice.closed;

      const again = await open(nodeB, { username: 'alice' });
      again.send({ type: 'message', message: 'only once', clientMsgId: 'm-1' });
      const second = await again.next('ack');
      bob.send({ type: 'message', message: 'marker' });
      await bob.next(isMessage('marker'));

      expect(first).toMatchObject({ duplicate: false, seq: 1 });
      expect(second).toMatchObject({ duplicate: true, seq: 1, epoch: first.epoch });
      expect(messagesOf(bob)).toEqual(['only once', 'marker']);
    });

    it('keeps the history window at the configured size', async () => {
      const nodeA = await cluster.startNode({ historySize: 3, rateBurst: 20 });
      const alice = await open(nodeA, { username: 'alice' });
      const epoch = alice.events[0]!.epoch as string;
      for (let i = 1; i <= 6; i++) alice.send({ type: 'message', message: `m${i}` });
      await alice.next(isMessage('m6'));

      const late = await open(nodeA, {
        username: 'late',
        query: { epoch, after: '1' },
      });
      const history = late.events.find((event) => event.type === 'history')!;
      expect(history).toMatchObject({ lost: 2, epochChanged: false });
      expect((history.messages as { seq: number }[]).map((m) => m.seq)).toEqual([4, 5, 6]);
    });
  });
});
