// Lesson 08's echo server over real sockets on 127.0.0.1: a WebSocket client gets its echoes and
// closes with 1000, and the lesson's command line rejects a bad or busy port with exit code 2.

import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';

import { WebSocket } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  startEchoServer,
  type ConnectionClosed,
  type EchoServer,
} from '../../lessons/08-echo-server/echo-server.ts';
import { messages } from '../../lessons/08-echo-server/messages.ts';
import { checkCatalogue } from '../../shared/i18n.ts';
import { runLesson } from '../support/run-lesson.ts';

/** Resolves with the next message of `socket`, as text or bytes. */
function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    socket.addEventListener('message', (event) => resolve(event.data), { once: true }),
  );
}

describe('echo server', () => {
  let server: EchoServer;

  beforeEach(async () => {
    server = await startEchoServer({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async () => {
    await server.close();
  });

  it('serves the page at /', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<ul id="log"');
  });

  it('echoes three messages and closes with 1000', async () => {
    const opened = once(server, 'open');
    const serverClosed = once(server, 'close') as Promise<[ConnectionClosed]>;
    const socket = new WebSocket(server.webSocketUrl);
    await once(socket, 'open');
    await opened;

    for (const text of ['hello', 'こんにちは 👋', '<img src=x onerror=alert(1)>']) {
      const reply = nextMessage(socket);
      socket.send(text);
      expect(await reply).toBe(`Echo: ${text}`);
    }

    socket.close(1000, 'done');
    const [closeEvent] = (await once(socket, 'close')) as [CloseEvent];
    expect(closeEvent.code).toBe(1000);
    const [closed] = await serverClosed;
    expect(closed.code).toBe(1000);
    expect(closed.reason).toBe('done');
  });

  it('returns binary data unchanged', async () => {
    const socket = new WebSocket(server.webSocketUrl);
    socket.binaryType = 'arraybuffer';
    await once(socket, 'open');

    const reply = nextMessage(socket);
    socket.send(new Uint8Array([0, 1, 254, 255]));
    expect([...new Uint8Array((await reply) as ArrayBuffer)]).toEqual([0, 1, 254, 255]);
    socket.close(1000);
    await once(socket, 'close');
  });

  it('closes open clients with 1001 on shutdown', async () => {
    const socket = new WebSocket(server.webSocketUrl);
    await once(socket, 'open');
    const closing = once(socket, 'close') as Promise<[CloseEvent]>;

    await server.close();
    const [closeEvent] = await closing;
    expect(closeEvent.code).toBe(1001);
    expect(closeEvent.reason).toBe('server shutting down');

    // A fresh server for afterEach to close.
    server = await startEchoServer({ port: 0 });
  });
});

describe('lesson 08 command line', () => {
  let blocker: Server | undefined;

  afterEach(async () => {
    if (blocker) await new Promise((resolve) => blocker!.close(resolve));
    blocker = undefined;
  });

  it('reports a port in use with exit code 2', async () => {
    blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as AddressInfo;

    const result = await runLesson(['08', '--port', String(port), '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `lesson: port ${port} is already in use: stop the program that uses it or choose another port with --port, e.g. npm run lesson 08 -- --port ${port + 1}\n`,
    );
  });

  it.each(['abc', '70000'])('rejects --port %s with exit code 2', async (value) => {
    const result = await runLesson(['08', `--port=${value}`, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `lesson: invalid --port "${value}": use an integer from 0 to 65535 (0 picks a free port)\n`,
    );
  });

  it('has the same non-empty messages in both languages', () => {
    expect(checkCatalogue(messages)).toEqual([]);
  });
});
