// Liveness and backpressure. The heartbeat sweep finds silent clients and a paused client
// process. A client that stops reading is closed with 4000, while the server's send buffers stay
// bounded and other clients keep getting every message.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

import type { ChatServer, ChatServerOptions } from '../../chat/server/server.ts';
import {
  chatUrl,
  connect,
  startTestServer,
  type ConnectOptions,
  type TestClient,
} from './helpers.ts';

let server: ChatServer | undefined;
const clients: TestClient[] = [];

async function start(options: ChatServerOptions): Promise<ChatServer> {
  server = await startTestServer(options);
  return server;
}

async function open(options: ConnectOptions): Promise<TestClient> {
  const client = await connect(server!, options);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients) client.socket.resume();
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server?.close();
  server = undefined;
});

const leaveOf = (username: string) => (event: { type: string; username?: unknown }) =>
  event.type === 'leave' && event.username === username;

describe('chat server', () => {
  describe('heartbeat', () => {
    it('terminates a client that stops answering pings', async () => {
      await start({ heartbeatIntervalMs: 50, heartbeatTimeoutMs: 1_000 });
      const watcher = await open({ username: 'watcher' });
      const silent = await open({ username: 'silent', ws: { autoPong: false } });

      expect(await watcher.next(leaveOf('silent'))).toEqual({
        type: 'leave',
        username: 'silent',
        count: 1,
      });
      expect((await silent.closed).code).toBe(1006);
      expect(server!.stats().silentClientsTerminated).toBe(1);
    });

    it('counts application frames as alive', async () => {
      await start({ heartbeatIntervalMs: 50, heartbeatTimeoutMs: 600 });
      const busy = await open({ username: 'busy', v1: true, ws: { autoPong: false } });

      // Twelve round trips of 100 ms each span more than twice the 650 ms silence limit.
      for (let i = 0; i < 12; i++) {
        busy.send({ type: 'ping', id: String(i) });
        await busy.next('pong');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      expect(server!.stats()).toMatchObject({ connections: 1, silentClientsTerminated: 0 });
    });

    it('drops a client process stopped with SIGSTOP', async () => {
      await start({ heartbeatIntervalMs: 50, heartbeatTimeoutMs: 300 });
      const watcher = await open({ username: 'watcher' });
      const script = [
        "const { WebSocket } = require('ws');",
        'const socket = new WebSocket(process.argv[1]);',
        "socket.on('open', () => process.stdout.write('open\\n'));",
        "socket.on('error', (error) => { console.error(error.message); process.exit(1); });",
      ].join('\n');
      const child = spawn(
        process.execPath,
        ['-e', script, chatUrl(server!, { username: 'sleeper' })],
        {
          cwd: process.cwd(),
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );

      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on(
            'data',
            (chunk: Buffer) => chunk.toString().includes('open') && resolve(),
          );
          child.once('exit', (code) =>
            reject(new Error(`client process exited early with ${code}`)),
          );
        });
        await watcher.next((event) => event.type === 'join' && event.username === 'sleeper');

        process.kill(child.pid!, 'SIGSTOP');
        expect(await watcher.next(leaveOf('sleeper'))).toEqual({
          type: 'leave',
          username: 'sleeper',
          count: 1,
        });
      } finally {
        process.kill(child.pid!, 'SIGKILL');
      }
    });
  });

  describe('backpressure', () => {
    const MAX_BUFFERED_BYTES = 64 * 1024;
    const MESSAGE = 'x'.repeat(20_000);
    const FRAME_BYTES = MESSAGE.length + 100;
    const BATCH = 50;
    const MAX_MESSAGES = 2_000;

    it('closes a client that stops reading with 4000', async () => {
      await start({
        maxBufferedBytes: MAX_BUFFERED_BYTES,
        maxMessageGraphemes: 30_000,
        maxFrameBytes: 1024 * 1024,
        rateBurst: 100_000,
        ratePerSecond: 100_000,
      });
      const slow = await open({ username: 'slow' });
      const watcher = await open({ username: 'watcher' });
      const flooder = await open({ username: 'flooder' });
      slow.socket.pause();

      let sent = 0;
      const floodBatch = async () => {
        for (let i = 0; i < BATCH; i++) flooder.send(`${sent++} ${MESSAGE}`);
        const last = `${sent - 1} ${MESSAGE}`;
        await watcher.next((event) => event.type === 'message' && event.message === last);
      };

      // Kernel socket buffers absorb a few megabytes first; the bound keeps the loop finite.
      while (server!.stats().slowConsumersClosed === 0 && sent < MAX_MESSAGES) await floodBatch();
      expect(server!.stats().slowConsumersClosed).toBe(1);

      const bound = MAX_BUFFERED_BYTES + 3 * FRAME_BYTES;
      expect(server!.stats().bufferedBytes).toBeLessThanOrEqual(bound);
      for (let i = 0; i < 4; i++) await floodBatch();
      expect(server!.stats().bufferedBytes).toBeLessThanOrEqual(bound);

      slow.socket.resume();
      expect((await slow.closed).code).toBe(4000);
      await watcher.next(leaveOf('slow'));

      const received = watcher.events.filter((event) => event.type === 'message');
      expect(received).toHaveLength(sent);
      expect(received.map((event) => Number((event.message as string).split(' ')[0]))).toEqual(
        Array.from({ length: sent }, (_, i) => i),
      );
    });
  });
});
