// Exercise 09: broadcast a chat message to the clients that can receive it.
// Check your work: npm run verify 09      Stuck? npm run hint 09

/** The part of a ws WebSocket that broadcast uses. */
export interface BroadcastClient {
  /** 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED, as in the WebSocket standard. */
  readonly readyState: number;
  send(data: string): void;
}

/** The readyState of a socket that can send and receive. */
export const OPEN = 1;

/** Sends `data` to every open client and returns how many clients it was sent to. */
export function broadcast(clients: Iterable<BroadcastClient>, data: string): number {
  let sent = 0;
  for (const client of clients) {
    // EXERCISE: skip every client whose readyState is not OPEN.
    client.send(data);
    sent++;
  }
  return sent;
}
