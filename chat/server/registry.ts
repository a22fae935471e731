// The connection registry: one small record per open socket, keyed by the socket. Listeners are
// shared functions that find the record through `this`, so a connection costs this record and
// nothing else (no closures, no timers).
import type { WebSocket } from 'ws';

import type { Language } from '../../shared/i18n.ts';
import type { ChatMessage, ProtocolVersion } from '../../shared/protocol.ts';
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
  /**
   * Messages broadcast while a v1 client joins, kept until its history has gone out; `null`
   * once more than JOIN_BACKLOG_MAX arrived, and undefined outside a join.
   */
  backlog?: ChatMessage[] | null;
  /** Time in milliseconds of the last frame of any kind from the client (heartbeat). */
  lastSeenAt: number;
  readonly bucket: TokenBucket;
  readonly flood: FloodCounter;
}

/**
 * Messages one joining client may have kept for it. Beyond this the backlog is dropped, and the
 * client finds the gap in `seq` and sends `resume`, as after any other loss.
 */
export const JOIN_BACKLOG_MAX = 1_000;

export class ConnectionRegistry {
  readonly #connections = new Map<WebSocket, Connection>();
  /** Connections with a backlog: few at a time, so a broadcast need not scan every connection. */
  readonly #joining = new Set<Connection>();
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
    const connection = this.#connections.get(socket);
    if (connection) this.#joining.delete(connection);
    return this.#connections.delete(socket);
  }

  /** Starts keeping the messages broadcast from now on for a connection that is joining. */
  startBacklog(connection: Connection): void {
    connection.backlog = [];
    this.#joining.add(connection);
  }

  /** Adds a broadcast message to the backlog of every joining connection. */
  addToBacklogs(message: ChatMessage): void {
    for (const connection of this.#joining) {
      const { backlog } = connection;
      if (!backlog) continue;
      if (backlog.length < JOIN_BACKLOG_MAX) backlog.push(message);
      else connection.backlog = null;
    }
  }

  /** Stops keeping messages for a connection; returns its backlog, or null when it overflowed. */
  takeBacklog(connection: Connection): ChatMessage[] | null {
    this.#joining.delete(connection);
    const backlog = connection.backlog ?? null;
    connection.backlog = undefined;
    return backlog;
  }

  get size(): number {
    return this.#connections.size;
  }

  values(): IterableIterator<Connection> {
    return this.#connections.values();
  }
}
