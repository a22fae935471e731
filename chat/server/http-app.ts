// The HTTP side of the chat server: liveness and readiness probes, Prometheus metrics and the
// page at `/`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';

import { CHAT_PATH } from '../../shared/protocol.ts';
import type { AcceptedHandshake, RejectedHandshake } from './handshake.ts';

import { CHAT_PAGE_HTML } from './page.ts';

/** `ready`, or why not, so that a load balancer stops sending new clients. */
export type Readiness = 'ready' | 'shutting-down' | 'hub-unavailable';

export interface HttpAppState {
  readiness: () => Readiness;
  /** Source of the Prometheus text served at GET /metrics. */
  metrics: { contentType: string; render(): Promise<string> };
  /** The upgrade checks, also run for a plain GET of `/chat` (see below). */
  checkHandshake: (request: IncomingMessage) => AcceptedHandshake | RejectedHandshake;
}

export function createHttpApp(state: HttpAppState): Express {
  const app = express();
  app.disable('x-powered-by');

  // Liveness only: a 200 means the event loop runs, so an orchestrator restarts only a hung process.
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  // Not ready while the cluster hub cannot reach Redis: the pod keeps its clients, but new ones
  // are better served by a node that can broadcast their messages.
  app.get('/readyz', (_request, response) => {
    const readiness = state.readiness();
    response.status(readiness === 'ready' ? 200 : 503).json({ status: readiness });
  });

  app.get('/metrics', async (_request, response) => {
    response.type(state.metrics.contentType).send(await state.metrics.render());
  });

  // The handshake probe. A browser's WebSocket API hides the HTTP status of a rejected upgrade
  // (the page gets only close code 1006), so a client sends a plain GET to the same URL to learn
  // why: the same status and `{ code, message }` body as the upgrade, or 426 when the upgrade
  // would be accepted. Any origin may read the answer, because a page on a foreign origin needs
  // the 403 to tell its user; the answer carries no user data.
  app.get(CHAT_PATH, (request, response) => {
    response.set('access-control-allow-origin', '*');
    const handshake = state.checkHandshake(request);
    if (!handshake.ok) {
      response.status(handshake.status).json({ code: handshake.code, message: handshake.message });
      return;
    }
    response.status(426).set('upgrade', 'websocket').json({ status: 'upgrade required' });
  });

  serveClient(app);
  return app;
}

/** Output folder of the browser client build (`npm run build:client`, or `npm run chat` on demand). */
const CLIENT_DIST = fileURLToPath(new URL('../client/dist', import.meta.url));

/**
 * Serves the built React client at `/`, with its hashed assets cached for a year. Without a build
 * (a checkout where only the server runs) it serves the small inline page instead.
 */
export function serveClient(app: Express): void {
  const indexFile = path.join(CLIENT_DIST, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(CLIENT_DIST, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  app.get('/', (_request, response) => {
    // Checked per request, so a build made while the server runs is picked up.
    if (existsSync(indexFile)) response.set('cache-control', 'no-cache').sendFile(indexFile);
    else response.type('html').send(CHAT_PAGE_HTML);
  });
}
