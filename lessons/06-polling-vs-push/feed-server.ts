// The update feed of lesson 06: one HTTP server that hands out the same updates three ways
// (GET /poll responds at once, GET /long-poll keeps the request open until there is news, and a
// WebSocket at /ws pushes each update as a frame), and counts the real traffic of each way.

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { WebSocketServer } from 'ws';

/** How long the server keeps a long poll open before it responds 204 No Content. */
export const LONG_POLL_TIMEOUT_MS = 20_000;

export interface Update {
  id: number;
  text: string;
  /** The server's Date.now() at publish time, so a client can measure the delay to receipt. */
  publishedAt: number;
}

export type Transport = 'polling' | 'longPolling' | 'websocket';

/** Traffic of one transport, counted on the server's TCP sockets, so headers and frames count. */
export interface Traffic {
  /** HTTP requests, the WebSocket upgrade included. */
  requests: number;
  /** Bytes the clients sent (the server's `socket.bytesRead`). */
  bytesUp: number;
  /** Bytes the server sent (`socket.bytesWritten`). */
  bytesDown: number;
}

interface ParkedPoll {
  after: number;
  response: ServerResponse;
  timer: NodeJS.Timeout;
}

/** Emits `parked` each time a long poll starts waiting for news. */
export class FeedServer extends EventEmitter {
  readonly #server = createServer((request, response) => this.#handle(request, response));
  readonly #wss = new WebSocketServer({ server: this.#server, path: '/ws' });
  readonly #updates: Update[] = [];
  readonly #parked = new Set<ParkedPoll>();
  readonly #traffic = new Map<Transport, Traffic>();
  readonly #countedSockets = new WeakSet<Socket>();
  readonly #socketsClosed: Promise<void>[] = [];

  constructor() {
    super();

    // Every TCP connection is counted once it closes, under the transport its first request used.
    this.#server.on('connection', (socket) => {
      this.#socketsClosed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    });
    this.#server.on('upgrade', (_request, socket: Socket) => this.#count(socket, 'websocket'));
  }

  // NOTE: the lesson's pinned byte counts assume a 5-digit port, because the Host header of every
  // request contains it. Linux picks free ports from 32768–60999; a system that hands out 4-digit
  // ports would change the counts by one byte per request.
  /** Starts listening on 127.0.0.1 at a free port and returns the base URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Stores an update and delivers it: a frame to every WebSocket, a response to every parked long poll. */
  publish(text: string): Update {
    const update: Update = { id: this.#updates.length + 1, text, publishedAt: Date.now() };
    this.#updates.push(update);

    const frame = JSON.stringify(update);
    for (const client of this.#wss.clients) client.send(frame);

    for (const poll of this.#parked) this.#answer(poll, this.#updatesAfter(poll.after));
    return update;
  }

  /** Traffic per transport; complete only after `close()` has resolved. */
  traffic(transport: Transport): Traffic {
    return this.#traffic.get(transport) ?? { requests: 0, bytesUp: 0, bytesDown: 0 };
  }

  /** Closes the server and waits until every connection is closed and counted. */
  async close(): Promise<void> {
    for (const poll of this.#parked) this.#answer(poll, []);
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await Promise.all(this.#socketsClosed);
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const after = Number(url.searchParams.get('after') ?? 0);

    if (url.pathname === '/poll') {
      this.#count(request.socket, 'polling');
      sendJson(response, this.#updatesAfter(after));
      return;
    }

    if (url.pathname === '/long-poll') {
      this.#count(request.socket, 'longPolling');
      const news = this.#updatesAfter(after);
      if (news.length > 0) return sendJson(response, news);

      // Nothing new yet: keep the request open. publish() responds to it, or the timeout does.
      const poll: ParkedPoll = {
        after,
        response,
        timer: setTimeout(() => this.#answer(poll, []), LONG_POLL_TIMEOUT_MS),
      };
      this.#parked.add(poll);
      this.emit('parked');
      return;
    }

    response.writeHead(404).end();
  }

  #answer(poll: ParkedPoll, updates: Update[]): void {
    clearTimeout(poll.timer);
    this.#parked.delete(poll);
    if (updates.length === 0) poll.response.writeHead(204).end();
    else sendJson(poll.response, updates);
  }

  #updatesAfter(id: number): Update[] {
    return this.#updates.filter((update) => update.id > id);
  }

  #count(socket: Socket, transport: Transport): void {
    const traffic = this.traffic(transport);
    traffic.requests++;
    this.#traffic.set(transport, traffic);

    // A keep-alive connection carries many requests: add its bytes once, when it closes.
    if (this.#countedSockets.has(socket)) return;
    this.#countedSockets.add(socket);
    socket.once('close', () => {
      traffic.bytesUp += socket.bytesRead;
      traffic.bytesDown += socket.bytesWritten;
    });
  }
}

function sendJson(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
