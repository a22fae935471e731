// Plumbing for the chat lessons (09–12). It starts the real chat server quietly on 127.0.0.1 and
// drives it with scripted `ws` clients that record every frame. Printed frames hide the values
// that change from run to run (timestamps, epochs, guest names) in deterministic output.
// Node-only: it uses `ws`.

import { pino, type Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';

import { startChatServer, type ChatServer, type ChatServerOptions } from '../chat/server/server.ts';
import { formatVarying, lessonLanguage, log } from './lesson.ts';
import { CHAT_PATH, PROTOCOL_V1 } from './protocol.ts';

/** Starts the real chat server on a free port of 127.0.0.1 with its operator log turned off. */
export function startLessonServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  return startChatServer({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    shutdownStaggerMs: 50,
    ...options,
  });
}

/** One line of the server's operator log, as pino writes it: `msg` plus the logged fields. */
export type ServerLogRecord = { msg: string; [field: string]: unknown };

/**
 * Records the chat server's operator log instead of printing it, so a lesson can show the line
 * that proves what happened on the server side (a close code, a terminated client).
 */
export class ServerLog {
  readonly records: ServerLogRecord[] = [];
  readonly logger: Logger;
  #taken = 0;
  #wake: (() => void) | undefined;

  constructor() {
    const stream = {
      write: (line: string) => {
        this.records.push(JSON.parse(line) as ServerLogRecord);
        this.#wake?.();
      },
    };
    this.logger = pino({ level: 'info', base: undefined, timestamp: false }, stream);
  }

  /** Resolves with the next record whose `msg` is `message`, waiting for it if needed. */
  async next(message: string): Promise<ServerLogRecord> {
    for (;;) {
      while (this.#taken < this.records.length) {
        const record = this.records[this.#taken++]!;
        if (record.msg === message) return record;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}

/** Returns the `ws://127.0.0.1:PORT/chat?…` URL of a server with the given query parameters. */
export function chatUrl(server: Pick<ChatServer, 'port'>, query: Record<string, string> = {}) {
  const url = new URL(CHAT_PATH, `ws://127.0.0.1:${server.port}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/** Request headers that ask the server for its error texts in the learner's language. */
export function languageHeaders(): Record<string, string> {
  return { 'Accept-Language': lessonLanguage() };
}

/**
 * Returns a frame's text with the values that differ on every run hidden when the output is
 * normalised: the `timestamp` of a message, the `epoch` of the history and random guest names.
 */
export function showFrame(frame: string): string {
  return hideGuestNames(
    frame
      .replace(
        /"timestamp":(\d+)/g,
        (_match, value: string) => `"timestamp":${formatVarying(value)}`,
      )
      .replace(
        /"epoch":"([^"]*)"/g,
        (_match, value: string) => `"epoch":"${formatVarying(value)}"`,
      ),
  );
}

/** Hides the four random digits of guest names such as `guest-4821`. */
export function hideGuestNames(text: string): string {
  return text.replace(
    /guest-(\d{4})/g,
    (_match, digits: string) => `guest-${formatVarying(digits)}`,
  );
}

export interface OpenOptions {
  /** Value of the `username` query parameter; omitted means none (a guest name). */
  username?: string;
  /** Offer the `loopchat.v1` subprotocol; without it the connection speaks the plain protocol. */
  v1?: boolean;
  /** Extra handshake headers, e.g. `Origin`. `Accept-Language` follows the lesson's language. */
  headers?: Record<string, string>;
  /** Reply to the server's ping frames with pongs (default true, as every WebSocket client does). */
  autoPong?: boolean;
}

/** Server event as a plain object: every server frame is one JSON object with a `type`. */
export type ServerEvent = { type: string; [field: string]: unknown };

/**
 * A scripted chat client. It records every frame it receives, and the lesson takes them one at a
 * time, in arrival order, with `showNext`. Printing happens when the lesson takes a frame, not
 * when it arrives, so the lines of several clients appear in script order on every run.
 */
export class ScriptedClient {
  readonly label: string;
  readonly socket: WebSocket;
  /** Text of every frame received, in order. */
  readonly frames: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #taken = 0;
  #wake: (() => void) | undefined;

  constructor(label: string, socket: WebSocket) {
    this.label = label;
    this.socket = socket;
    socket.on('message', (data: RawData) => {
      this.frames.push(rawToString(data));
      this.#wake?.();
    });
    // An error (such as an oversized frame) is always followed by `close`, which the lesson reads.
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#wake?.();
      });
    });
  }

  /** Frames received but not yet taken. */
  get unread(): number {
    return this.frames.length - this.#taken;
  }

  /** Resolves with the next frame in arrival order; rejects when the socket closes first. */
  async nextFrame(): Promise<string> {
    while (this.#taken === this.frames.length) {
      if (this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`${this.label}: the socket closed while the lesson expected another frame`);
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
    return this.frames[this.#taken++]!;
  }

  /** Takes the next frame, prints it as `label ← frame` and returns it as an event. */
  async showNext(): Promise<ServerEvent> {
    const frame = await this.nextFrame();
    log(`${this.label} ← ${showFrame(frame)}`);
    return JSON.parse(frame) as ServerEvent;
  }

  /**
   * Takes frames until one has the given type, returns it and its text; the skipped ones (such as
   * presence notices that another step caused) are not printed.
   */
  async skipTo(type: string): Promise<{ event: ServerEvent; frame: string }> {
    for (;;) {
      const frame = await this.nextFrame();
      const event = JSON.parse(frame) as ServerEvent;
      if (event.type === type) return { event, frame };
    }
  }

  /** Like `skipTo`, and prints the frame it found as `label ← frame`. */
  async showNextOf(type: string): Promise<ServerEvent> {
    const { event, frame } = await this.skipTo(type);
    log(`${this.label} ← ${showFrame(frame)}`);
    return event;
  }

  /** Sends a text frame (an object is sent as JSON) and prints it as `label → frame`. */
  say(value: string | object): void {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    log(`${this.label} → ${text}`);
    this.socket.send(text);
  }

  /** Starts the close handshake with 1000 and resolves with the server's code once it has closed. */
  async close(): Promise<{ code: number; reason: string }> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close(1000, 'bye');
    return this.closed;
  }
}

/** Opens a client and resolves once the handshake succeeded; rejects when the server refuses it. */
export async function openClient(
  server: Pick<ChatServer, 'port'>,
  label: string,
  options: OpenOptions = {},
): Promise<ScriptedClient> {
  const query: Record<string, string> =
    options.username === undefined ? {} : { username: options.username };
  const socket = new WebSocket(chatUrl(server, query), options.v1 ? [PROTOCOL_V1] : [], {
    headers: { ...languageHeaders(), ...options.headers },
    autoPong: options.autoPong ?? true,
  });
  const client = new ScriptedClient(label, socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`${label}: the handshake was rejected with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  return client;
}

/** A handshake the server rejected with an HTTP error response instead of switching protocols. */
export interface RejectedHandshake {
  status: number;
  code: string;
  message: string;
}

/**
 * Sends a WebSocket upgrade request and returns the server's HTTP error response, or `undefined`
 * when the server accepted the upgrade (the connection is then closed at once with 1000).
 */
export function tryHandshake(
  server: Pick<ChatServer, 'port'>,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RejectedHandshake | undefined> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(chatUrl(server, query), {
      headers: { ...languageHeaders(), ...headers },
    });
    socket.on('unexpected-response', (request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        const parsed = JSON.parse(body) as { code: string; message: string };
        resolve({ status: response.statusCode ?? 0, code: parsed.code, message: parsed.message });
      });
    });
    socket.on('open', () => {
      socket.close(1000);
      resolve(undefined);
    });
    socket.on('error', (error) => {
      // Destroying the request after a rejected upgrade is reported as an error, after the response.
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
