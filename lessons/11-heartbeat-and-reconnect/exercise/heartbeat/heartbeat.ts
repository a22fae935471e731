// Exercise 11/heartbeat: find and terminate connections whose peer has gone away silently.
// Check your work: npm run verify 11/heartbeat      Stuck? npm run hint 11/heartbeat

/** The timer source the heartbeat runs on: real time on a server, a virtual clock in the check. */
export interface HeartbeatClock {
  setInterval(callback: () => void, intervalMs: number): { cancel(): void };
}

/** The part of a server-side ws WebSocket that the heartbeat uses, plus its liveness flag. */
export interface HeartbeatClient {
  /** Set to true on connection and by the client's `pong` handler. */
  isAlive: boolean;
  ping(): void;
  /** Destroys the connection at once, without a close handshake (the peer cannot answer one). */
  terminate(): void;
}

/** Runs `sweep` every `intervalMs` on `clock`; cancel the returned handle to stop. */
export function startHeartbeat(
  clients: Set<HeartbeatClient>,
  clock: HeartbeatClock,
  intervalMs: number,
): { cancel(): void } {
  return clock.setInterval(() => sweep(clients), intervalMs);
}

/** One heartbeat round: terminates clients that missed the previous ping and pings the rest. */
export function sweep(clients: Set<HeartbeatClient>): void {
  for (const client of clients) {
    // EXERCISE: if client.isAlive is still false, the client did not answer the previous ping:
    // terminate it and go on with the next client. Otherwise set isAlive to false, then ping.
    client.ping();
  }
}
