// Check of exercise 04/promise-all: fetchAll against the local server that holds responses until
// all requests are in flight and answers them in reverse order.

import { pick } from '../../../../shared/i18n.ts';
import type { Check } from '../../../../exercises/check-api.ts';
import { messages } from '../messages.ts';
import { startParallelServer } from '../parallel-server.ts';

type FetchAllModule = typeof import('./pristine/fetch-all.ts');

const REQUESTS = 3;

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { fetchAll } = await context.importFile<FetchAllModule>('fetch-all.ts');

  const server = await startParallelServer(REQUESTS);
  try {
    const bodies = await fetchAll(server.urls);
    if (server.maxInFlight() < REQUESTS)
      return { ok: false, problem: t.notParallel(server.maxInFlight(), REQUESTS) };
    if (JSON.stringify(bodies) !== JSON.stringify(server.bodies))
      return {
        ok: false,
        problem: t.wrongBodies(JSON.stringify(bodies), JSON.stringify(server.bodies)),
      };
    return { ok: true };
  } finally {
    await server.close();
  }
};

export default check;
