// Broadcast: each event is encoded and framed once per protocol version, not once per client, and
// the same frame bytes are written to every ready socket. A broadcast to N clients thus costs one
// JSON encoding, one frame header and N socket writes.
import * as ws from 'ws';
import { WebSocket } from 'ws';

import { encodeEvent, type PlainServerEvent, type V1ServerEvent } from '../../shared/protocol.ts';
import type { Connection, ConnectionRegistry } from './registry.ts';

export interface BroadcastEvents {
  /** Event for plain clients; omitted means plain clients get nothing. */
  plain?: PlainServerEvent;
  /** Japanese form of `plain` for plain clients whose handshake preferred Japanese. */
  plainJa?: PlainServerEvent;
  /** Event for v1 clients; omitted means v1 clients get nothing. */
  v1?: V1ServerEvent;
}

export interface BroadcastOptions {
  /** A socket whose send buffer is above this many bytes is closed as a slow consumer. */
  maxBufferedBytes: number;
  onSlowConsumer: (connection: Connection) => void;
}

/** One event ready to go out: the payload for `send`, and the same payload as a whole frame. */
interface EncodedEvent {
  payload: Buffer;
  frame: Buffer;
}

/**
 * The parts of ws 8 (checked against 8.23) that a direct write relies on. They are not public
 * API, so `canWriteFrame` checks each one and falls back to `send` when one is missing.
 */
interface WebSocketInternals {
  _socket?: { write(chunk: Buffer): boolean } | null;
  _extensions?: Record<string, unknown>;
  _sender?: { _state?: number; _queue?: unknown[]; _firstFragment?: boolean } | null;
}

interface SenderStatics {
  frame(
    data: Buffer,
    options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
  ): Buffer[];
}

// ws exports its Sender from the ESM entry, but @types/ws does not declare it.
const { Sender } = ws as unknown as { Sender: SenderStatics };

/** ws's Sender state in which it writes at once instead of queueing (`DEFAULT` in lib/sender.js). */
const SENDER_STATE_DEFAULT = 0;
const OPCODE_TEXT = 1;

/** Encodes an event once and builds its unmasked, uncompressed, unfragmented text frame. */
function encode(event: PlainServerEvent | V1ServerEvent): EncodedEvent {
  const payload = Buffer.from(encodeEvent(event));
  const parts = Sender.frame(payload, {
    fin: true,
    opcode: OPCODE_TEXT,
    mask: false,
    readOnly: true,
    rsv1: false,
  });
  return { payload, frame: Buffer.concat(parts) };
}

/**
 * Returns true when pre-framed bytes may be written to the socket's TCP stream directly. That is
 * safe only when the bytes are exactly what `send` would write and nothing may overtake them:
 * - permessage-deflate was not negotiated for this socket, because `send` would compress;
 * - ws's Sender is idle (state DEFAULT, empty queue): while it compresses or reads a Blob it
 *   queues later sends, and a direct write would jump that queue;
 * - no fragmented message is half sent (`_firstFragment`), because a frame may not interleave.
 * A server frame is never masked (RFC 6455, section 5.1), so one frame suits every client.
 */
export function canWriteFrame(socket: WebSocket): boolean {
  const internals = socket as unknown as WebSocketInternals;
  const sender = internals._sender;
  return (
    internals._socket != null &&
    internals._extensions !== undefined &&
    internals._extensions['permessage-deflate'] === undefined &&
    sender != null &&
    sender._state === SENDER_STATE_DEFAULT &&
    sender._queue !== undefined &&
    sender._queue.length === 0 &&
    sender._firstFragment === true
  );
}

/** Sends the events to every ready connection and returns how many frames were written. */
export function broadcast(
  registry: ConnectionRegistry,
  events: BroadcastEvents,
  options: BroadcastOptions,
): number {
  const plain = events.plain ? encode(events.plain) : undefined;
  const plainJa = events.plainJa ? encode(events.plainJa) : plain;
  const v1 = events.v1 ? encode(events.v1) : undefined;
  let sent = 0;

  for (const connection of registry.values()) {
    const { socket } = connection;
    if (socket.readyState !== WebSocket.OPEN) {
      // A socket that is closing keeps its record until its close event; one that is closed
      // but still listed (its close event was lost) is cleaned up here.
      if (socket.readyState === WebSocket.CLOSED) registry.delete(socket);
      continue;
    }
    if (!connection.ready) continue;

    let encoded = v1;
    if (connection.version === 'plain') encoded = connection.language === 'ja' ? plainJa : plain;
    if (!encoded) continue;

    // The frames already queued for this client exceed the cap, so it is not reading fast
    // enough: stop queueing for it and close it before it grows server memory.
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      options.onSlowConsumer(connection);
      continue;
    }

    // The direct write still counts in `bufferedAmount`, which ws reads from the TCP socket's
    // write buffer, so the slow-consumer check above keeps working.
    if (canWriteFrame(socket)) {
      (socket as unknown as Required<WebSocketInternals>)._socket!.write(encoded.frame);
    } else {
      socket.send(encoded.payload, { binary: false });
    }
    sent++;
  }
  return sent;
}

/** Sends one event to one connection, encoded for its protocol version. */
export function sendEvent(connection: Connection, event: PlainServerEvent | V1ServerEvent): void {
  if (connection.socket.readyState !== WebSocket.OPEN) return;
  connection.socket.send(encodeEvent(event));
}
