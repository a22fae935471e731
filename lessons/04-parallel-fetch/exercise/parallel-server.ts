// The local server both lesson 04 exercise checks request from. It holds every response until
// all expected requests are in flight, then answers in reverse order of arrival, so results
// that are not put back in request order show up. It records the most requests in flight at once.

import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How long the server waits for another request before answering the ones it holds. Parallel
 * requests all arrive within milliseconds; the wait only releases requests made one after another.
 */
const IDLE_RELEASE_MS = 1_000;

export interface ParallelServer {
  urls: string[];
  /** The body each URL returns, in the order of `urls`; it changes on every run. */
  bodies: string[];
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function startParallelServer(count: number): Promise<ParallelServer> {
  const run = Math.random().toString(36).slice(2, 8);
  const bodies = Array.from({ length: count }, (_, index) => `item ${index + 1} of run ${run}`);
  const held: Array<{ index: number; response: ServerResponse }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const release = () => {
    clearTimeout(idleTimer);
    for (const { index, response } of held.splice(0).reverse()) {
      inFlight--;
      response.end(bodies[index]);
    }
  };

  const server = createServer((request, response) => {
    const index = Number(/^\/item\/(\d+)$/.exec(request.url ?? '')?.[1] ?? NaN);
    if (!(index >= 0 && index < count)) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    held.push({ index, response });
    clearTimeout(idleTimer);
    if (inFlight === count) release();
    else idleTimer = setTimeout(release, IDLE_RELEASE_MS);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    urls: bodies.map((_, index) => `http://127.0.0.1:${port}/item/${index}`),
    bodies,
    maxInFlight: () => maxInFlight,
    close: async () => {
      clearTimeout(idleTimer);
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
