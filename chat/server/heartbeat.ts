// The heartbeat sweep: one interval for all clients sends a WebSocket ping frame to each and
// terminates the ones that have been silent too long. Any frame from a client (message, ping,
// pong) refreshes its `lastSeenAt`, so busy clients never need a pong.
import { WebSocket } from 'ws';

import type { Connection, ConnectionRegistry } from './registry.ts';

export interface HeartbeatOptions {
  intervalMs: number;
  /** Silence allowed beyond one interval before a client counts as dead. */
  timeoutMs: number;
  now?: () => number;
  onDead: (connection: Connection, silentMs: number) => void;
}

/**
 * Starts the sweep and returns the function that stops it. A client is terminated at the first
 * sweep after it has been silent for `intervalMs + timeoutMs`, so detection takes at most
 * `2 × intervalMs + timeoutMs`.
 */
export function startHeartbeat(
  registry: ConnectionRegistry,
  options: HeartbeatOptions,
): () => void {
  const now = options.now ?? Date.now;
  const deadAfterMs = options.intervalMs + options.timeoutMs;

  const timer = setInterval(() => {
    const time = now();
    for (const connection of registry.values()) {
      const { socket } = connection;
      if (socket.readyState !== WebSocket.OPEN) continue;

      const silentMs = time - connection.lastSeenAt;
      if (silentMs > deadAfterMs) {
        options.onDead(connection, silentMs);
        socket.terminate();
        continue;
      }
      socket.ping();
    }
  }, options.intervalMs);

  // The sweep must not keep a process alive that has nothing else to do.
  timer.unref();
  return () => clearInterval(timer);
}
