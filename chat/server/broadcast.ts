// Broadcast: each event is encoded once per protocol version, not once per client, and the same
// bytes are written to every ready socket. Keeping it in one function leaves a single place to
// switch to pre-framed bytes (`WebSocket.Sender.frame` in ws) later.
import { WebSocket } from 'ws';

import { encodeEvent, type PlainServerEvent, type V1ServerEvent } from '../../shared/protocol.ts';
import type { Connection, ConnectionRegistry } from './registry.ts';

export interface BroadcastEvents {
  /** Event for plain clients; omitted means plain clients get nothing. */
  plain?: PlainServerEvent;
  /** Event for v1 clients; omitted means v1 clients get nothing. */
  v1?: V1ServerEvent;
}

export interface BroadcastOptions {
  /** A socket whose send buffer is above this many bytes is closed as a slow consumer. */
  maxBufferedBytes: number;
  onSlowConsumer: (connection: Connection) => void;
}

/** Sends the events to every ready connection and returns how many frames were written. */
export function broadcast(
  registry: ConnectionRegistry,
  events: BroadcastEvents,
  options: BroadcastOptions,
): number {
  // Encoding to a Buffer here spares ws a UTF-8 conversion per client.
  const plainFrame = events.plain ? Buffer.from(encodeEvent(events.plain)) : undefined;
  const v1Frame = events.v1 ? Buffer.from(encodeEvent(events.v1)) : undefined;
  let sent = 0;

  for (const connection of registry.values()) {
    const { socket } = connection;
    if (socket.readyState !== WebSocket.OPEN) {
      // A closing socket keeps its record until its close event. A closed one that is still
      // listed is removed here as a safety net, so the registry cannot leak records.
      if (socket.readyState === WebSocket.CLOSED) registry.delete(socket);
      continue;
    }
    if (!connection.ready) continue;

    const frame = connection.version === 'v1' ? v1Frame : plainFrame;
    if (!frame) continue;

    // The frames already queued for this client exceed the cap, so it is not reading fast
    // enough: stop queueing for it and close it before it grows server memory.
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      options.onSlowConsumer(connection);
      continue;
    }

    socket.send(frame, { binary: false });
    sent++;
  }
  return sent;
}

/** Sends one event to one connection, encoded for its protocol version. */
export function sendEvent(connection: Connection, event: PlainServerEvent | V1ServerEvent): void {
  if (connection.socket.readyState !== WebSocket.OPEN) return;
  connection.socket.send(encodeEvent(event));
}
