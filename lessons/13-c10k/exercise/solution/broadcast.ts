// Exercise 13: a broadcast whose cost per client is one socket write, not one encoding.
// Check your work: npm run verify 13      Stuck? npm run hint 13

import type { WebSocket } from 'ws';

/** The readyState of a socket that can send and receive. */
export const OPEN = 1;

/**
 * Sends `event` to every open socket as one text frame and returns how many sockets it was sent
 * to. `encode` turns the event into JSON text, and it is the expensive step on a big server.
 */
export function broadcastEvent(
  sockets: Iterable<WebSocket>,
  event: unknown,
  encode: (event: unknown) => string,
): number {
  // One encoding and one UTF-8 conversion for all sockets. Given a string, ws would convert it
  // again for every socket, while it writes a Buffer's bytes as they are.
  const payload = Buffer.from(encode(event));

  let sent = 0;
  for (const socket of sockets) {
    if (socket.readyState !== OPEN) continue;
    // ws sends a Buffer as a binary frame unless `binary` is false, and chat clients expect text.
    socket.send(payload, { binary: false });
    sent++;
  }
  return sent;
}
