// Test helpers for the chat server: a silent in-process server on a random port of 127.0.0.1 and
// a `ws` client that records every event and lets a test wait for the next one it expects.
import { request as httpRequest } from 'node:http';
import { WebSocket, type ClientOptions } from 'ws';

import { PROTOCOL_V1 } from '../../shared/protocol.ts';
import { HubUnavailableError, type PublishRequest } from '../../chat/server/hub.ts';
import { MemoryChatHub } from '../../chat/server/memory-hub.ts';
import {
  startChatServer,
  type ChatServer,
  type ChatServerOptions,
} from '../../chat/server/server.ts';

/** An in-memory hub that cannot broadcast the first message, as a cluster node without Redis. */
export class HubDownOnce extends MemoryChatHub {
  #failures = 1;

  constructor() {
    super({ historySize: 10, dedupeSize: 10 });
  }

  override async publishMessage(request: PublishRequest) {
    if (this.#failures-- > 0) throw new HubUnavailableError();
    return super.publishMessage(request);
  }
}

/** Starts a server with test-friendly settings: silent logs, port 0, no presence delay worth waiting for. */
export function startTestServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  return startChatServer({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    presenceFlushMs: 10,
    shutdownStaggerMs: 50,
    ...options,
  });
}

export type ServerEvent = { type: string; [field: string]: unknown };

export interface ConnectOptions {
  username?: string;
  /** Negotiate `loopchat.v1`. */
  v1?: boolean;
  /** Extra query parameters, e.g. resume points. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  ws?: ClientOptions;
}

/** Builds the `/chat` URL of a server for the given username and query. */
export function chatUrl(server: Pick<ChatServer, 'url'>, options: ConnectOptions = {}): string {
  const url = new URL('/chat', server.url.replace('http', 'ws'));
  if (options.username !== undefined) url.searchParams.set('username', options.username);
  for (const [name, value] of Object.entries(options.query ?? {}))
    url.searchParams.set(name, value);
  return url.toString();
}

export class TestClient {
  readonly socket: WebSocket;
  /** Every event received, in order. */
  readonly events: ServerEvent[] = [];
  /** Raw text of every frame received, in order. */
  readonly frames: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #taken = 0;
  #waiters: (() => void)[] = [];

  constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      this.events.push(JSON.parse(text) as ServerEvent);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
  }

  /**
   * Resolves with the first event after the previously taken one that matches; events skipped
   * on the way are taken too. Rejects when the socket closes first.
   */
  async next(match: string | ((event: ServerEvent) => boolean) = () => true): Promise<ServerEvent> {
    const matches =
      typeof match === 'string' ? (event: ServerEvent) => event.type === match : match;
    for (;;) {
      while (this.#taken < this.events.length) {
        const event = this.events[this.#taken++]!;
        if (matches(event)) return event;
      }
      if (this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(
          `socket closed before the expected event; received: ${JSON.stringify(this.events)}`,
        );
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  send(value: string | object): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  close(): Promise<{ code: number; reason: string }> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    return this.closed;
  }
}

/** Opens a client and waits for the upgrade; v1 clients also wait for their welcome, users and history. */
export async function connect(
  server: Pick<ChatServer, 'url'>,
  options: ConnectOptions = {},
): Promise<TestClient> {
  const socket = new WebSocket(chatUrl(server, options), options.v1 ? [PROTOCOL_V1] : [], {
    headers: options.headers,
    ...options.ws,
  });
  const client = new TestClient(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  if (options.v1) {
    await client.next('welcome');
    await client.next('users');
    await client.next('history');
  }
  return client;
}

/** Performs an upgrade that the server is expected to reject; returns the status and JSON body. */
export function rejectedUpgrade(
  server: Pick<ChatServer, 'port'>,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { code: string; message: string } }> {
  const { port } = server;
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    request.on('upgrade', () => reject(new Error(`upgrade to ${path} was accepted`)));
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Resolves when `predicate` holds, polling on the event loop; for server-side state without an event. */
export async function until(
  predicate: () => boolean,
  description: string,
  limitMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > limitMs)
      throw new Error(`gave up waiting for ${description} after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
