/**
 * Lesson 08: the echo server.
 *
 * Run it:       npm run lesson 08                (then open http://127.0.0.1:3000/)
 * Other port:   npm run lesson 08 -- --port 4000
 * With client:  npm run lesson 08 -- --client    (a Node client talks to it, then both stop)
 *
 * express serves the page in public/ and a `ws` server on the same port replies to every text
 * message on /echo with "Echo: <message>". The server logs each connection as it opens and
 * closes, with the close code and reason.
 *
 * Watch for three things:
 * 1. One port carries both the page (plain HTTP) and the WebSocket (an HTTP upgrade on /echo).
 * 2. The Node client uses undici's WebSocket, the same API as the browser's.
 * 3. The close code the client chooses (1000) is the one the server logs.
 */

import { once } from 'node:events';

import { WebSocket } from 'undici';

import { lessonOption, log, useMessages } from '../../shared/lesson.ts';
import { startEchoServer, type ConnectionClosed, type ConnectionOpened } from './echo-server.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const DEFAULT_PORT = 3000;
const CLIENT_MESSAGES = ['hello', 'こんにちは', '<img src=x onerror=alert(1)>'];

// Step 1: read the options. A bad --port is a usage error: one line on stderr, exit code 2.
const runClient = lessonOption('client') === true;
const port = parsePort(lessonOption('port'), runClient ? 0 : DEFAULT_PORT);

// Step 2: start the server, or explain in one line why it cannot listen.
const server = port === undefined ? undefined : await startOrExplain(port);

if (server) {
  server.on('open', ({ id, remote }: ConnectionOpened) => log(t.serverOpened(id, remote)));
  server.on('close', ({ id, code, reason }: ConnectionClosed) =>
    log(t.serverClosed(id, code, reason)),
  );
  server.on('connectionError', (id: number, error: Error) =>
    log(t.serverConnectionError(id, error.message)),
  );
  log(t.listening(server.url, server.webSocketUrl));

  if (runClient) {
    // Step 3a: a Node client sends three messages, one at a time, and waits for each echo.
    const serverOpened = once(server, 'open');
    const serverClosed = once(server, 'close');
    const socket = new WebSocket(server.webSocketUrl);
    const received: string[] = [];
    let echoed: (() => void) | undefined;
    socket.addEventListener('message', (event) => {
      received.push(String(event.data));
      echoed?.();
    });

    // Waiting for the server's side too keeps the server's log line before the client's.
    await Promise.all([once(socket, 'open'), serverOpened]);
    log(t.clientConnected(server.webSocketUrl));

    for (const message of CLIENT_MESSAGES) {
      const echo = new Promise<void>((resolve) => (echoed = resolve));
      socket.send(message);
      log(t.clientSent(message));
      await echo;
      log(t.clientReceived(received.at(-1)!));
    }

    // 1000 is a normal closure; the reason is up to 123 bytes of UTF-8 that the server logs.
    log(t.clientClosing(1000, 'done'));
    socket.close(1000, 'done');
    const [[closeEvent]] = await Promise.all([once(socket, 'close'), serverClosed]);
    log(t.clientClosed((closeEvent as CloseEvent).code));

    await server.close();
    log(t.stopped);
  } else {
    // Step 3b: serve until Ctrl+C. SIGINT closes the WebSockets with 1001 and stops the server.
    log(t.openInBrowser);
    process.once('SIGINT', async () => {
      log(t.stopping('SIGINT'));
      await server.close();
      log(t.stopped);
    });
  }
}

/** Returns the port to use, or undefined after reporting a bad value (exit code 2). */
function parsePort(value: string | boolean | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const text = String(value);
  const port = Number(text);
  if (/^\d{1,5}$/.test(text) && port <= 65535) return port;

  process.stderr.write(`lesson: ${t.invalidPort(text)}\n`);
  process.exitCode = 2;
  return undefined;
}

/** Starts the server, or reports a port in use or a forbidden port in one line (exit code 2). */
async function startOrExplain(port: number) {
  try {
    return await startEchoServer({ port, host: '127.0.0.1' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    process.stderr.write(
      `lesson: ${code === 'EADDRINUSE' ? t.portInUse(port) : t.portForbidden(port)}\n`,
    );
    process.exitCode = 2;
    return undefined;
  }
}
