// The connection registry: one small record per open socket, keyed by the socket. Listeners are
// shared functions that find the record through `this`, so a connection costs this record and
// nothing else (no closures, no timers).
import type { WebSocket } from 'ws';

import type { Language } from '../../shared/i18n.ts';
import type { ProtocolVersion } from '../../shared/protocol.ts';
import type { FloodCounter, TokenBucket } from './rate-limit.ts';

export interface Connection {
  readonly id: number;
  readonly socket: WebSocket;
  readonly version: ProtocolVersion;
  /** Language of error texts, from the handshake's `Accept-Language`. */
  readonly language: Language;
  /** Name the client asked for (or its guest name); the dedupe identity across reconnects. */
  readonly requestedName: string;
  /** Name the hub assigned, possibly with a ` (2)` suffix; empty until joined. */
  username: string;
  /** True once the hub counted this connection, so its close must be reported as a leave. */
  joined: boolean;
  /** True once welcome and history went out; broadcasts skip the connection before that. */
  ready: boolean;
  /** Time in milliseconds of the last frame of any kind from the client (heartbeat). */
  lastSeenAt: number;
  readonly bucket: TokenBucket;
  readonly flood: FloodCounter;
}

export class ConnectionRegistry {
  readonly #connections = new Map<WebSocket, Connection>();
  #nextId = 1;

  nextId(): number {
    return this.#nextId++;
  }

  add(connection: Connection): void {
    this.#connections.set(connection.socket, connection);
  }

  get(socket: WebSocket): Connection | undefined {
    return this.#connections.get(socket);
  }

  delete(socket: WebSocket): boolean {
    return this.#connections.delete(socket);
  }

  get size(): number {
    return this.#connections.size;
  }

  values(): IterableIterator<Connection> {
    return this.#connections.values();
  }
}
