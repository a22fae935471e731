// History, resume and dedupe: a v1 client that reconnects gets exactly the messages it missed,
// a client that joins while messages flow gets each one once, a restarted server reports its
// history as lost, and a resend with the same id is broadcast once.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import type { ResumePoint } from '../../chat/server/hub.ts';
import { MemoryChatHub } from '../../chat/server/memory-hub.ts';
import {
  ConnectionRegistry,
  JOIN_BACKLOG_MAX,
  type Connection,
} from '../../chat/server/registry.ts';
import type { ChatServer, ChatServerOptions } from '../../chat/server/server.ts';
import { PROTOCOL_V1, type ChatMessage } from '../../shared/protocol.ts';
import {
  chatUrl,
  connect,
  startTestServer,
  TestClient,
  type ConnectOptions,
  type ServerEvent,
} from './helpers.ts';

const servers: ChatServer[] = [];
const clients: TestClient[] = [];

async function start(options: ChatServerOptions = {}): Promise<ChatServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

async function open(server: ChatServer, options: ConnectOptions): Promise<TestClient> {
  const client = await connect(server, options);
  clients.push(client);
  return client;
}

/** Sends messages and waits until the sender has seen the last one broadcast. */
async function say(client: TestClient, ...messages: string[]): Promise<ServerEvent> {
  for (const message of messages) client.send({ type: 'message', message });
  const last = messages[messages.length - 1];
  return client.next((event) => event.type === 'message' && event.message === last);
}

const texts = (event: ServerEvent) =>
  (event.messages as { message: string }[]).map((message) => message.message);
const seqs = (event: ServerEvent) =>
  (event.messages as { seq: number }[]).map((message) => message.seq);

type HeldCall = 'users' | 'history';

/**
 * A memory hub whose `users` and `history` calls can be held after they have read their
 * result, as the round trips of a Redis hub hold them, so that a test can publish in between.
 */
class HeldHub extends MemoryChatHub {
  readonly #holds = new Map<HeldCall, { reached: () => void; released: Promise<void> }>();

  /** Holds the next call; `reached` resolves once it has read its result. */
  hold(call: HeldCall): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#holds.set(call, { reached, released });
    return { reached: reachedPromise, release };
  }

  override async users(limit: number) {
    const result = await super.users(limit);
    await this.#wait('users');
    return result;
  }

  override async history(after: ResumePoint | undefined, limit: number) {
    const result = await super.history(after, limit);
    await this.#wait('history');
    return result;
  }

  async #wait(call: HeldCall): Promise<void> {
    const hold = this.#holds.get(call);
    if (!hold) return;
    this.#holds.delete(call);
    hold.reached();
    await hold.released;
  }
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('chat server', () => {
  describe('resume', () => {
    it('replays exactly the missed messages from query parameters', async () => {
      const server = await start();
      const alice = await open(server, { username: 'alice', v1: true });
      const bob = await open(server, { username: 'bob', v1: true });
      const epoch = alice.events[0]!.epoch as string;

      const lastSeen = await say(bob, 'one', 'two', 'three');
      await alice.next((event) => event.type === 'message' && event.seq === lastSeen.seq);
      alice.socket.terminate();
      await alice.closed;

      await say(bob, 'four', 'five', 'six');
      const back = await open(server, {
        username: 'alice',
        v1: true,
        query: { epoch, after: '3' },
      });
      const history = back.events[2]!;

      expect(history).toMatchObject({ type: 'history', epoch, lost: 0, epochChanged: false });
      expect(texts(history)).toEqual(['four', 'five', 'six']);
      expect(seqs(history)).toEqual([4, 5, 6]);

      await say(bob, 'seven');
      await back.next((event) => event.type === 'message' && event.message === 'seven');
      const live = back.events
        .filter((event) => event.type === 'message')
        .map((event) => event.seq);
      expect(live).toEqual([7]);
    });

    it('replays the missed messages for a resume command', async () => {
      const server = await start();
      const alice = await open(server, { username: 'alice', v1: true });
      const epoch = alice.events[0]!.epoch as string;
      await say(alice, 'a', 'b', 'c');

      alice.send({ type: 'resume', epoch, after: 1 });
      const history = await alice.next('history');
      expect(history).toMatchObject({ epoch, lost: 0, epochChanged: false });
      expect(texts(history)).toEqual(['b', 'c']);
    });

    it('replays nothing when the client is up to date', async () => {
      const server = await start();
      const alice = await open(server, { username: 'alice', v1: true });
      const epoch = alice.events[0]!.epoch as string;
      await say(alice, 'a', 'b');

      alice.send({ type: 'resume', epoch, after: 2 });
      expect(await alice.next('history')).toMatchObject({
        messages: [],
        lost: 0,
        epochChanged: false,
      });
    });

    it('reports how many messages fell out of the window', async () => {
      const server = await start({ historySize: 3 });
      const alice = await open(server, { username: 'alice', v1: true });
      const epoch = alice.events[0]!.epoch as string;
      await say(alice, '1', '2', '3', '4', '5', '6');

      const back = await open(server, { username: 'late', v1: true, query: { epoch, after: '1' } });
      const history = back.events[2]!;
      expect(history).toMatchObject({ lost: 2, epochChanged: false });
      expect(seqs(history)).toEqual([4, 5, 6]);
    });

    it('says the history was lost after a restart', async () => {
      const first = await start();
      const alice = await open(first, { username: 'alice', v1: true });
      const oldEpoch = alice.events[0]!.epoch as string;
      await say(alice, 'before restart');
      await alice.close();
      await first.close();

      const second = await start();
      const helper = await open(second, { username: 'helper', v1: true });
      await say(helper, 'after restart');

      const back = await open(second, {
        username: 'alice',
        v1: true,
        query: { epoch: oldEpoch, after: '1' },
      });
      const welcome = back.events[0]!;
      const history = back.events[2]!;
      expect(welcome.epoch).not.toBe(oldEpoch);
      expect(history).toMatchObject({
        type: 'history',
        epoch: welcome.epoch,
        epochChanged: true,
        lost: 0,
      });
      expect(texts(history)).toEqual(['after restart']);
    });
  });

  describe('join backlog', () => {
    it('sends messages published during a join once each', async () => {
      const hub = new HeldHub({ historySize: 100, dedupeSize: 100 });
      const server = await start({ hub });
      const alice = await open(server, { username: 'alice', v1: true });
      await say(alice, 'before');

      const usersCall = hub.hold('users');
      const historyCall = hub.hold('history');
      const bob = new TestClient(
        new WebSocket(chatUrl(server, { username: 'bob' }), [PROTOCOL_V1]),
      );
      clients.push(bob);

      // Published after the welcome but before the history read: the history contains it.
      await usersCall.reached;
      await say(alice, 'during users');
      usersCall.release();

      // Published after the history read: only the backlog has it.
      await historyCall.reached;
      await say(alice, 'during history');
      historyCall.release();

      const welcome = await bob.next('welcome');
      const history = await bob.next('history');
      expect(texts(history)).toEqual(['before', 'during users']);
      await say(alice, 'after');
      await bob.next((event) => event.type === 'message' && event.message === 'after');

      const live = bob.events.filter((event) => event.type === 'message');
      expect(live.map((event) => event.message)).toEqual(['during history', 'after']);
      expect(welcome.seq).toBe(1);
      expect([...seqs(history), ...live.map((event) => event.seq)]).toEqual([1, 2, 3, 4]);
      await hub.close();
    });

    it('drops a backlog that overflows', () => {
      const registry = new ConnectionRegistry();
      const joining = { backlog: undefined } as Connection;
      const message = (seq: number): ChatMessage => ({
        seq,
        username: 'alice',
        message: `m${seq}`,
        timestamp: 0,
      });

      registry.startBacklog(joining);
      for (let seq = 1; seq <= JOIN_BACKLOG_MAX; seq++) registry.addToBacklogs(message(seq));
      expect(joining.backlog).toHaveLength(JOIN_BACKLOG_MAX);

      registry.addToBacklogs(message(JOIN_BACKLOG_MAX + 1));
      expect(registry.takeBacklog(joining)).toBeNull();

      // Once taken, the connection keeps nothing more.
      registry.addToBacklogs(message(JOIN_BACKLOG_MAX + 2));
      expect(joining.backlog).toBeUndefined();
    });
  });

  describe('dedupe', () => {
    it('broadcasts a resend with the same client message id once', async () => {
      const server = await start();
      const observer = await open(server, { username: 'observer', v1: true });
      const alice = await open(server, { username: 'alice', v1: true });

      alice.send({ type: 'message', message: 'only once', clientMsgId: 'm-1' });
      const ack = await alice.next('ack');
      expect(ack).toMatchObject({ clientMsgId: 'm-1', duplicate: false });

      alice.socket.terminate();
      await alice.closed;
      const again = await open(server, { username: 'alice', v1: true });
      again.send({ type: 'message', message: 'only once', clientMsgId: 'm-1' });
      expect(await again.next('ack')).toEqual({ ...ack, duplicate: true });

      await say(observer, 'marker');
      const received = observer.events
        .filter((event) => event.type === 'message')
        .map((event) => event.message);
      expect(received).toEqual(['only once', 'marker']);
    });

    it('keeps ids of different users apart', async () => {
      const server = await start();
      const alice = await open(server, { username: 'alice', v1: true });
      const bob = await open(server, { username: 'bob', v1: true });

      alice.send({ type: 'message', message: 'from alice', clientMsgId: 'same' });
      bob.send({ type: 'message', message: 'from bob', clientMsgId: 'same' });
      expect(await alice.next('ack')).toMatchObject({ seq: 1, duplicate: false });
      expect(await bob.next('ack')).toMatchObject({ seq: 2, duplicate: false });
    });
  });
});
