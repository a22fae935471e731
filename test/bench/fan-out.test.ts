// The chat server's fan-out shortcuts: pre-framed bytes written straight to the TCP socket only
// when ws would write the same bytes at once, the `send` fallback otherwise, and a presence flush
// interval that stretches with the cost of the last flush.
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

import { canWriteFrame } from '../../chat/server/broadcast.ts';
import {
  HEARTBEAT_SLICE_MIN_CLIENTS,
  HEARTBEAT_SLICES,
  startHeartbeat,
} from '../../chat/server/heartbeat.ts';
import { ConnectionRegistry, type Connection } from '../../chat/server/registry.ts';
import { PRESENCE_FLUSH_COST_FACTOR, PresenceCoalescer } from '../../chat/server/presence.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { connect, startTestServer, type TestClient } from '../chat-server/helpers.ts';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.useRealTimers();
});

/** Starts a bare ws server and returns its side of one accepted connection. */
async function acceptOne(perMessageDeflate: boolean): Promise<WebSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate });
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate });
  const [accepted] = (await once(server, 'connection')) as [WebSocket];
  await once(client, 'open');
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  cleanups.push(() => client.terminate());
  return accepted;
}

async function startServer(options: Parameters<typeof startTestServer>[0] = {}) {
  const server: ChatServer = await startTestServer(options);
  cleanups.push(() => server.close());
  return server;
}

async function open(server: ChatServer, ...args: Parameters<typeof connect>[1][]) {
  const client: TestClient = await connect(server, ...args);
  cleanups.push(() => client.close());
  return client;
}

describe('broadcast fan-out', () => {
  describe('canWriteFrame', () => {
    it('allows an idle uncompressed socket', async () => {
      const socket = await acceptOne(false);
      expect(canWriteFrame(socket)).toBe(true);
    });

    it('rejects a socket with permessage-deflate', async () => {
      const socket = await acceptOne(true);
      expect(socket.extensions).toContain('permessage-deflate');
      expect(canWriteFrame(socket)).toBe(false);
    });

    it('rejects a socket whose sender is reading a Blob', async () => {
      const socket = await acceptOne(false);

      // ws reads a Blob asynchronously and queues every later send behind it until it is done.
      socket.send(new Blob(['queued first']));
      expect(canWriteFrame(socket)).toBe(false);
    });
  });

  describe('chat server broadcast', () => {
    it('sends a pre-framed message to plain and v1 clients', async () => {
      const server = await startServer();
      const sender = await open(server, { username: 'alice', v1: true });
      const plain = await open(server, { username: 'bob' });

      sender.socket.send(JSON.stringify({ type: 'message', message: 'hello' }));

      const v1Event = await sender.next('message');
      const plainEvent = await plain.next('message');
      expect(v1Event).toMatchObject({ type: 'message', username: 'alice', message: 'hello' });
      expect(v1Event.seq).toBe(1);
      expect(plainEvent).toEqual({
        type: 'message',
        username: 'alice',
        message: 'hello',
        timestamp: v1Event.timestamp,
      });
    });

    it('falls back to send with permessage-deflate', async () => {
      const server = await startServer({ perMessageDeflate: true });
      const sender = await open(server, { username: 'alice', v1: true });
      const receiver = await open(server, { username: 'bob', v1: true });
      expect(receiver.socket.extensions).toContain('permessage-deflate');

      const message = 'compressible '.repeat(30).trim();
      sender.socket.send(JSON.stringify({ type: 'message', message }));

      const event = await receiver.next('message');
      expect(event.message).toBe(message);
      expect(event.username).toBe('alice');
    });

    it('keeps the ack after the broadcast message', async () => {
      const server = await startServer();
      const sender = await open(server, { username: 'alice', v1: true });

      sender.socket.send(JSON.stringify({ type: 'message', message: 'hi', clientMsgId: 'm1' }));

      const message = await sender.next(
        (event) => event.type === 'message' || event.type === 'ack',
      );
      expect(message.type).toBe('message');
      const ack = await sender.next('ack');
      expect(ack.seq).toBe(message.seq);
    });
  });

  describe('presence flush interval', () => {
    it('waits ten times the last flush cost', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      const FLUSH_COST_MS = 30;
      let flushes = 0;
      const presence = new PresenceCoalescer(10, () => {
        flushes++;
        // Stands for a fan-out to many sockets that keeps the event loop busy for 30 ms.
        vi.advanceTimersByTime(FLUSH_COST_MS);
      });

      presence.add({ change: 'join', username: 'a', count: 1 });
      vi.advanceTimersByTime(10);
      expect(flushes).toBe(1);

      presence.add({ change: 'join', username: 'b', count: 2 });
      vi.advanceTimersByTime(FLUSH_COST_MS * PRESENCE_FLUSH_COST_FACTOR - 1);
      expect(flushes).toBe(1);
      vi.advanceTimersByTime(1);
      expect(flushes).toBe(2);
      presence.close();
    });

    it('keeps the configured interval for a cheap flush', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      let flushes = 0;
      const presence = new PresenceCoalescer(100, () => flushes++);

      presence.add({ change: 'join', username: 'a', count: 1 });
      vi.advanceTimersByTime(100);
      presence.add({ change: 'join', username: 'b', count: 2 });
      vi.advanceTimersByTime(99);
      expect(flushes).toBe(1);
      vi.advanceTimersByTime(1);
      expect(flushes).toBe(2);
      presence.close();
    });
  });

  describe('heartbeat slices', () => {
    const INTERVAL_MS = 1_000;
    const SLICE_MS = INTERVAL_MS / HEARTBEAT_SLICES;

    /** Fills a registry with connections whose sockets only count pings and never answer. */
    function registryOf(size: number) {
      const registry = new ConnectionRegistry();
      let pings = 0;
      let terminated = 0;
      for (let index = 0; index < size; index++) {
        const socket = {
          readyState: WebSocket.OPEN as number,
          ping: () => pings++,
          terminate() {
            this.readyState = WebSocket.CLOSED;
            terminated++;
          },
        };
        registry.add({ id: index, socket, lastSeenAt: 0 } as unknown as Connection);
      }
      return { registry, pings: () => pings, terminated: () => terminated };
    }

    it('spreads a large sweep over slices', () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const size = HEARTBEAT_SLICE_MIN_CLIENTS * 2 + 500;
      const { registry, pings } = registryOf(size);
      const stop = startHeartbeat(registry, {
        intervalMs: INTERVAL_MS,
        timeoutMs: 60_000,
        now: () => 0,
        onDead: () => undefined,
      });

      vi.advanceTimersByTime(INTERVAL_MS - SLICE_MS);
      expect(pings()).toBe(0);
      vi.advanceTimersByTime(SLICE_MS);
      expect(pings()).toBe(HEARTBEAT_SLICE_MIN_CLIENTS);
      vi.advanceTimersByTime(SLICE_MS);
      expect(pings()).toBe(HEARTBEAT_SLICE_MIN_CLIENTS * 2);
      vi.advanceTimersByTime(SLICE_MS);
      expect(pings()).toBe(size);
      vi.advanceTimersByTime(INTERVAL_MS - 3 * SLICE_MS);
      expect(pings()).toBe(size);
      vi.advanceTimersByTime(SLICE_MS);
      expect(pings()).toBe(size + HEARTBEAT_SLICE_MIN_CLIENTS);
      stop();
    });

    it('pings a small registry at once', () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const { registry, pings } = registryOf(300);
      const stop = startHeartbeat(registry, {
        intervalMs: INTERVAL_MS,
        timeoutMs: 60_000,
        now: () => 0,
        onDead: () => undefined,
      });

      vi.advanceTimersByTime(INTERVAL_MS - 1);
      expect(pings()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(pings()).toBe(300);
      vi.advanceTimersByTime(INTERVAL_MS);
      expect(pings()).toBe(600);
      stop();
    });

    it('spares clients that a late slice has not pinged yet', () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const size = HEARTBEAT_SLICE_MIN_CLIENTS * 2 + 500;
      const { registry, pings, terminated } = registryOf(size);
      let time = 0;
      const stop = startHeartbeat(registry, {
        intervalMs: INTERVAL_MS,
        timeoutMs: 100,
        now: () => time,
        onDead: () => undefined,
      });

      // The third slice runs 1,200 ms after the clients connected, more than the 1,100 ms of
      // interval plus timeout, although nobody has pinged them yet.
      for (let elapsed = 0; elapsed < INTERVAL_MS + 2 * SLICE_MS; elapsed += SLICE_MS) {
        time += SLICE_MS;
        vi.advanceTimersByTime(SLICE_MS);
      }
      expect(pings()).toBe(size);
      expect(terminated()).toBe(0);
      stop();
    });

    it('terminates silent clients in a sliced sweep', () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const size = HEARTBEAT_SLICE_MIN_CLIENTS * 2 + 500;
      const { registry, terminated } = registryOf(size);
      let time = 0;
      let dead = 0;
      const stop = startHeartbeat(registry, {
        intervalMs: INTERVAL_MS,
        timeoutMs: 100,
        now: () => time,
        onDead: () => dead++,
      });

      for (let elapsed = 0; elapsed < 3 * INTERVAL_MS + 2 * SLICE_MS; elapsed += SLICE_MS) {
        time += SLICE_MS;
        vi.advanceTimersByTime(SLICE_MS);
      }
      expect(terminated()).toBe(size);
      expect(dead).toBe(size);
      stop();
    });
  });
});
