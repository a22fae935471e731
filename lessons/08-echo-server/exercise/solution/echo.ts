// Exercise 08: the message handler of a WebSocket echo server.
// Check your work: npm run verify 08      Stuck? npm run hint 08

import type { WebSocket } from 'ws';

/** Sets up one client connection: every message it sends comes straight back to it. */
export function handleConnection(socket: WebSocket): void {
  socket.on('message', (data, isBinary) => {
    // ws delivers text as a Buffer too, and send(Buffer) makes a binary frame unless told otherwise.
    socket.send(data, { binary: isBinary });
  });
}
