// A scriptable stand-in for the WHATWG WebSocket, for the reconnecting client's unit tests: the
// test plays the server (open, frames, close) and reads what the client sent. Nothing happens
// on its own, so each test decides exactly when the peer responds or goes silent.

import type { V1ClientCommand, V1ServerEvent } from '../../shared/protocol.ts';
import type { WebSocketConstructor, WebSocketLike } from '../../shared/chat-client.ts';

type EventType = 'open' | 'message' | 'close' | 'error';

export interface FakeWebSocket extends WebSocketLike {
  readonly url: URL;
  readonly protocols?: string | string[];
  readonly sent: string[];
  /** `close()` calls made by the client. */
  readonly closeCalls: { code?: number; reason?: string }[];
  /** The server accepts the handshake. */
  open(): void;
  /** The server sends one event. */
  receive(event: V1ServerEvent): void;
  /** The server (or the network) ends the connection with `code`. */
  serverClose(code: number, reason?: string): void;
  /** The handshake fails: `error`, then `close` with 1006, as browsers report it. */
  fail(): void;
  /** The commands the client sent, decoded. */
  commands(): V1ClientCommand[];
}

/** Returns a fresh fake WebSocket class and the list of sockets it created. */
export function createFakeWebSocket(): {
  WebSocket: WebSocketConstructor;
  sockets: FakeWebSocket[];
} {
  const sockets: FakeWebSocket[] = [];

  class Fake implements FakeWebSocket {
    readyState = 0;
    readonly url: URL;
    readonly sent: string[] = [];
    readonly closeCalls: { code?: number; reason?: string }[] = [];
    readonly #listeners = new Map<EventType, ((event: never) => void)[]>();

    constructor(
      url: string,
      readonly protocols?: string | string[],
    ) {
      this.url = new URL(url);
      sockets.push(this);
    }

    addEventListener(type: EventType, listener: (event: never) => void): void {
      const list = this.#listeners.get(type) ?? [];
      list.push(listener);
      this.#listeners.set(type, list);
    }

    send(data: string): void {
      if (this.readyState !== 1)
        throw new Error(`send on a socket in readyState ${this.readyState}`);
      this.sent.push(data);
    }

    close(code?: number, reason?: string): void {
      this.closeCalls.push({ code, reason });
      if (this.readyState < 2) this.readyState = 2;
    }

    open(): void {
      this.readyState = 1;
      this.#dispatch('open', {});
    }

    receive(event: V1ServerEvent): void {
      this.#dispatch('message', { data: JSON.stringify(event) });
    }

    serverClose(code: number, reason = ''): void {
      this.readyState = 3;
      this.#dispatch('close', { code, reason, wasClean: code !== 1006 });
    }

    fail(): void {
      this.readyState = 3;
      this.#dispatch('error', {});
      this.#dispatch('close', { code: 1006, reason: '', wasClean: false });
    }

    commands(): V1ClientCommand[] {
      return this.sent.map((frame) => JSON.parse(frame) as V1ClientCommand);
    }

    #dispatch(type: EventType, event: object): void {
      for (const listener of this.#listeners.get(type) ?? [])
        (listener as (event: object) => void)(event);
    }
  }

  return { WebSocket: Fake, sockets };
}
