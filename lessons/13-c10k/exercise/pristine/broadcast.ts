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
  let sent = 0;
  for (const socket of sockets) {
    if (socket.readyState !== OPEN) continue;
    // EXERCISE: this encodes the event once per socket, and ws converts each string to UTF-8
    // bytes once per socket too. Encode once before the loop, turn the text into one Buffer, and
    // send that same Buffer to every open socket as a text frame ({ binary: false }).
    socket.send(encode(event));
    sent++;
  }
  return sent;
}
