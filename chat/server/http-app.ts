// The HTTP side of the chat server: liveness and readiness probes and the page at `/`.
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

/**
 * Serves the browser client at `/`. Today that is one small inline page; the built React client
 * replaces it here, for example with `app.use(express.static(clientDistPath))`.
 */
export function serveClient(app: Express): void {
  app.get('/', (_request, response) => {
    response.type('html').send(CHAT_PAGE_HTML);
  });
}
