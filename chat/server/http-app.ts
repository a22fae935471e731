// The HTTP side of the chat server: liveness and readiness probes and the page at `/`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

import { CHAT_PAGE_HTML } from './page.ts';

export interface HttpAppState {
  /** False while shutting down, so that a load balancer stops sending new clients. */
  ready: () => boolean;
}

export function createHttpApp(state: HttpAppState): Express {
  const app = express();
  app.disable('x-powered-by');

  // Liveness only: a 200 means the event loop runs, so an orchestrator restarts only a hung process.
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/readyz', (_request, response) => {
    if (state.ready()) response.json({ status: 'ready' });
    else response.status(503).json({ status: 'shutting-down' });
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
