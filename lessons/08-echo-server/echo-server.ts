// The echo server of lesson 08: express serves the page in public/ at `/`, and a `ws` server on
// the same port replies to every text message on `/echo` with "Echo: <message>". The lesson and the
// browser test both start it through startEchoServer().

import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import express from 'express';
import { WebSocketServer } from 'ws';

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

export const ECHO_PATH = '/echo';

/** How long close() waits for clients to finish the close handshake before it cuts them off. */
export const CLOSE_TIMEOUT_MS = 2000;

/** Close code 1001 (going away): the server is shutting down. */
const GOING_AWAY = 1001;

export interface EchoServerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Address to listen on (default 127.0.0.1, so the server is reachable from this machine only). */
  host?: string;
}

export interface ConnectionOpened {
  id: number;
  /** The client's address and port, e.g. `127.0.0.1:53122`. */
  remote: string;
}

export interface ConnectionClosed {
  id: number;
  code: number;
  reason: string;
}

/**
 * A running echo server. Emits `open` (ConnectionOpened) for each WebSocket connection, `close`
 * (ConnectionClosed) when one ends, and `connectionError` (id, Error) for a connection that
 * fails. The last is not named `error`, because an unheard `error` event would crash the process.
 */
export class EchoServer extends EventEmitter {
  readonly url: string;
  readonly webSocketUrl: string;
  readonly port: number;
  readonly #server: ReturnType<typeof createServer>;
  readonly #wss: WebSocketServer;

  constructor(server: ReturnType<typeof createServer>, wss: WebSocketServer, host: string) {
    super();
    this.#server = server;
    this.#wss = wss;
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://${host}:${this.port}/`;
    this.webSocketUrl = `ws://${host}:${this.port}${ECHO_PATH}`;
  }

  /**
   * Closes every WebSocket with 1001 (going away), waits up to CLOSE_TIMEOUT_MS for the close
   * handshakes, then stops the HTTP server.
   */
  async close(): Promise<void> {
    const clients = [...this.#wss.clients];
    const closed = Promise.all(clients.map((client) => once(client, 'close')));
    for (const client of clients) client.close(GOING_AWAY, 'server shutting down');

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
    await Promise.race([closed, timeout]);
    clearTimeout(timer);

    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** Starts the echo server; rejects with the listen error (e.g. code EADDRINUSE) if the port is taken. */
export async function startEchoServer(options: EchoServerOptions): Promise<EchoServer> {
  const host = options.host ?? '127.0.0.1';
  const app = express();
  app.use(express.static(PUBLIC_DIR));

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  // Created after listen() succeeded: a WebSocketServer re-emits its HTTP server's errors, and a
  // failed listen would reach it as an unhandled 'error' event.
  const wss = new WebSocketServer({ server, path: ECHO_PATH });

  const echo = new EchoServer(server, wss, host);
  let nextId = 1;

  wss.on('connection', (ws, request) => {
    const id = nextId++;
    const remote = `${request.socket.remoteAddress}:${request.socket.remotePort}`;
    echo.emit('open', { id, remote } satisfies ConnectionOpened);

    ws.on('message', (data, isBinary) => {
      // Text gets the "Echo: " prefix; binary data comes back unchanged, as a binary frame.
      if (isBinary) ws.send(data, { binary: true });
      else ws.send(`Echo: ${data.toString()}`);
    });
    ws.on('error', (error) => echo.emit('connectionError', id, error));
    ws.on('close', (code, reason) => {
      echo.emit('close', { id, code, reason: reason.toString() } satisfies ConnectionClosed);
    });
  });

  return echo;
}
