// Staggered close on shutdown: sockets are closed with 1001 spread over a short window, so that
// clients reconnecting with backoff do not all hit the next server in the same instant.
import { WebSocket } from 'ws';

import { CloseCode } from '../../shared/protocol.ts';

/** Steps the stagger window is divided into; each step closes one slice of the sockets. */
const STAGGER_STEPS = 20;

/** Time after the stagger window for clients to reply to the close frame before being terminated. */
export const CLOSE_GRACE_MS = 2_000;

/**
 * Closes every socket with 1001 over `staggerMs` and resolves once all are closed; sockets still
 * open `CLOSE_GRACE_MS` after the window are terminated.
 */
export async function closeStaggered(
  sockets: readonly WebSocket[],
  staggerMs: number,
): Promise<void> {
  const open = sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED);
  if (open.length === 0) return;

  const allClosed = Promise.all(
    open.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))),
  );

  const stepMs = staggerMs / STAGGER_STEPS;
  const perStep = Math.ceil(open.length / STAGGER_STEPS);
  const timers: NodeJS.Timeout[] = [];
  for (let step = 0; step < STAGGER_STEPS; step++) {
    const slice = open.slice(step * perStep, (step + 1) * perStep);
    if (slice.length === 0) break;
    const closeSlice = () => {
      for (const socket of slice) socket.close(CloseCode.GOING_AWAY, 'server shutting down');
    };
    if (step === 0) closeSlice();
    else timers.push(setTimeout(closeSlice, step * stepMs));
  }

  let deadline: NodeJS.Timeout | undefined;
  const terminateLeftovers = new Promise<void>((resolve) => {
    deadline = setTimeout(() => {
      for (const socket of open) socket.terminate();
      resolve();
    }, staggerMs + CLOSE_GRACE_MS);
  });

  await Promise.race([allClosed, terminateLeftovers]);
  clearTimeout(deadline);
  for (const timer of timers) clearTimeout(timer);
}
