// Every event of both protocol versions, seen by real clients of a real server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decodeServerFrame } from '../../shared/protocol.ts';
import { CHAT_PAGE_HTML } from '../../chat/server/page.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { connect, startTestServer, type ConnectOptions, type TestClient } from './helpers.ts';

let server: ChatServer;
const clients: TestClient[] = [];

async function open(options: ConnectOptions = {}): Promise<TestClient> {
  const client = await connect(server, options);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server.close();
});

describe('chat server', () => {
  describe('plain protocol', () => {
    it('broadcasts a text frame as a message event', async () => {
      const alice = await open({ username: 'alice' });
      const bob = await open({ username: 'bob' });
      const before = Math.floor(Date.now() / 1000);

      alice.send('  hello <b>bob</b>  ');
      const received = await bob.next('message');
      const echoed = await alice.next('message');

      expect(received).toEqual({
        type: 'message',
        username: 'alice',
        message: 'hello <b>bob</b>',
        timestamp: expect.any(Number),
      });
      expect(received.timestamp as number).toBeGreaterThanOrEqual(before);
      expect(received.timestamp as number).toBeLessThan(before + 5);
      expect(echoed).toEqual(received);
    });

    it('sends join and leave with the count', async () => {
      const alice = await open({ username: 'alice' });
      expect(await alice.next('join')).toEqual({ type: 'join', username: 'alice', count: 1 });

      const bob = await open({ username: 'bob' });
      expect(await alice.next('join')).toEqual({ type: 'join', username: 'bob', count: 2 });

      await bob.close();
      expect(await alice.next('leave')).toEqual({ type: 'leave', username: 'bob', count: 1 });
    });

    it('answers an app-level ping with pong', async () => {
      const alice = await open({ username: 'alice' });
      alice.send('{"type":"ping"}');
      expect(await alice.next('pong')).toEqual({ type: 'pong' });
    });

    it('treats other JSON as a chat message', async () => {
      const alice = await open({ username: 'alice' });
      alice.send('{"type":"who"}');
      expect(await alice.next('message')).toMatchObject({ message: '{"type":"who"}' });
    });

    it('sends an error event without a code', async () => {
      const alice = await open({ username: 'alice' });
      alice.send('   ');
      expect(await alice.next('error')).toEqual({
        type: 'error',
        message: 'message is empty; type some text before sending',
      });
    });

    it('gives a client without a name a guest name', async () => {
      const guest = await open();
      const join = await guest.next('join');
      expect(join.username).toMatch(/^guest-\d{4}$/);
    });

    it('suffixes a name that is already online', async () => {
      const first = await open({ username: 'alice' });
      await open({ username: 'alice' });
      await first.next((event) => event.type === 'join' && event.username === 'alice (2)');
    });

    it('sends only plain-format events to a plain client', async () => {
      const plain = await open({ username: 'plain' });
      const v1 = await open({ username: 'rich', v1: true });

      v1.send({ type: 'message', message: 'from v1', clientMsgId: 'id-1' });
      plain.send('from plain');
      plain.send('{"type":"ping"}');
      plain.send('');
      await plain.next((event) => event.type === 'message' && event.message === 'from plain');
      await plain.next('error');
      await v1.close();
      await plain.next((event) => event.type === 'leave' && event.username === 'rich');

      const allowedKeys: Record<string, string[]> = {
        message: ['type', 'username', 'message', 'timestamp'],
        join: ['type', 'username', 'count'],
        leave: ['type', 'username', 'count'],
        pong: ['type'],
        error: ['type', 'message'],
      };
      for (const frame of plain.frames) {
        const decoded = decodeServerFrame(frame, 'plain');
        expect(decoded.ok, frame).toBe(true);
        const event = JSON.parse(frame) as Record<string, unknown>;
        expect(Object.keys(event).sort(), frame).toEqual(
          [...allowedKeys[event.type as string]!].sort(),
        );
      }
    });
  });

  describe('protocol v1', () => {
    it('opens with welcome, users and history', async () => {
      await open({ username: 'bob' });
      const alice = await open({ username: 'alice', v1: true });
      const [welcome, users, history] = alice.events;

      expect(welcome).toEqual({
        type: 'welcome',
        username: 'alice',
        epoch: expect.any(String),
        seq: 0,
        count: 2,
        heartbeatIntervalMs: 25_000,
        limits: {
          maxMessageGraphemes: 500,
          maxFrameBytes: 65_536,
          rateBurst: 10,
          ratePerSecond: 3,
        },
      });
      expect(users).toEqual({ type: 'users', users: ['bob', 'alice'], count: 2, truncated: false });
      expect(history).toEqual({
        type: 'history',
        epoch: welcome!.epoch,
        messages: [],
        lost: 0,
        epochChanged: false,
      });
    });

    it('broadcasts a message with its sequence number', async () => {
      const alice = await open({ username: 'alice', v1: true });
      const bob = await open({ username: 'bob', v1: true });

      alice.send({ type: 'message', message: ' first ' });
      alice.send({ type: 'message', message: 'second' });

      expect(await bob.next('message')).toEqual({
        type: 'message',
        seq: 1,
        username: 'alice',
        message: 'first',
        timestamp: expect.any(Number),
      });
      expect(await bob.next('message')).toMatchObject({ seq: 2, message: 'second' });
    });

    it('acknowledges a message with a client message id', async () => {
      const alice = await open({ username: 'alice', v1: true });
      const { epoch } = alice.events[0]!;

      alice.send({ type: 'message', message: 'hi', clientMsgId: 'c-1' });
      expect(await alice.next('ack')).toEqual({
        type: 'ack',
        clientMsgId: 'c-1',
        seq: 1,
        epoch,
        duplicate: false,
      });
    });

    it('replays recent history to a new client', async () => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send({ type: 'message', message: 'one' });
      alice.send({ type: 'message', message: 'two' });
      await alice.next((event) => event.type === 'message' && event.seq === 2);

      const bob = await open({ username: 'bob', v1: true });
      const history = bob.events[2]!;
      expect(history).toMatchObject({ type: 'history', lost: 0, epochChanged: false });
      expect((history.messages as { message: string }[]).map((message) => message.message)).toEqual(
        ['one', 'two'],
      );
      expect(bob.events[0]).toMatchObject({ seq: 2 });
    });

    it('answers who with the user list', async () => {
      const alice = await open({ username: 'alice', v1: true });
      await open({ username: 'carol' });
      alice.send({ type: 'who' });
      expect(await alice.next('users')).toEqual({
        type: 'users',
        users: ['alice', 'carol'],
        count: 2,
        truncated: false,
      });
    });

    it('answers ping with pong carrying the id', async () => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send({ type: 'ping', id: 'p-7' });
      expect(await alice.next('pong')).toEqual({ type: 'pong', id: 'p-7' });
      alice.send({ type: 'ping' });
      expect(await alice.next('pong')).toEqual({ type: 'pong' });
    });

    it('sends join and leave for small presence changes', async () => {
      const alice = await open({ username: 'alice', v1: true });
      await alice.next((event) => event.type === 'join' && event.username === 'alice');
      const bob = await open({ username: 'bob' });
      expect(await alice.next('join')).toEqual({ type: 'join', username: 'bob', count: 2 });
      await bob.close();
      expect(await alice.next('leave')).toEqual({ type: 'leave', username: 'bob', count: 1 });
    });

    it('sends error events with a code', async () => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send({ type: 'message', message: '', clientMsgId: 'c-9' });
      expect(await alice.next('error')).toEqual({
        type: 'error',
        code: 'MESSAGE_EMPTY',
        message: 'message is empty; type some text before sending',
        clientMsgId: 'c-9',
      });
    });

    it('sends every frame in a form the decoder accepts', async () => {
      const alice = await open({ username: 'alice', v1: true });
      const bob = await open({ username: 'bob', v1: true });
      alice.send({ type: 'message', message: 'hello', clientMsgId: 'x' });
      alice.send({ type: 'ping', id: 'p' });
      alice.send({ type: 'who' });
      alice.send({ type: 'resume', epoch: 'other', after: 3 });
      alice.send('{dd}');
      await alice.next('error');
      await bob.close();
      await alice.next('leave');

      for (const frame of alice.frames)
        expect(decodeServerFrame(frame, 'v1'), frame).toMatchObject({ ok: true });
    });

    it('uses Japanese error texts for Accept-Language ja', async () => {
      const alice = await open({
        username: 'alice',
        v1: true,
        headers: { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' },
      });
      alice.send({ type: 'message', message: ' ' });
      expect(await alice.next('error')).toEqual({
        type: 'error',
        code: 'MESSAGE_EMPTY',
        message: 'メッセージが空です。テキストを入力してから送信してください',
      });
    });
  });

  describe('HTTP endpoints', () => {
    it('reports health and readiness', async () => {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    });

    it('serves an HTML page at /', async () => {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    });

    it('renders the fallback page with textContent only', () => {
      expect(CHAT_PAGE_HTML).toContain('textContent');
      expect(CHAT_PAGE_HTML).not.toContain('innerHTML');
    });
  });
});
