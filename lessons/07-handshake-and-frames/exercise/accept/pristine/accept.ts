// Exercise 07/accept: the Sec-WebSocket-Accept value of the opening handshake.
// Check your work: npm run verify 07/accept      Stuck? npm run hint 07/accept

import { createHash } from 'node:crypto';

/** The fixed GUID that RFC 6455 appends to every Sec-WebSocket-Key before hashing. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Computes the Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key. The client compares
 * it with its own computation, which proves that the server read this handshake.
 */
export function computeAccept(key: string): string {
  // EXERCISE: this hashes the key alone, so no client accepts the handshake. Hash the key
  // followed by WEBSOCKET_GUID.
  return createHash('sha1').update(key).digest('base64');
}
