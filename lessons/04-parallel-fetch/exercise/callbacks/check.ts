// Check of exercise 04/callbacks: fetchAllWithCallbacks against the local server that holds
// responses until all requests are in flight and answers them in reverse order. done must run
// once, after every response has ended, with the bodies in request order.

import { setImmediate as nextLoopTurn } from 'node:timers/promises';

import { pick } from '../../../../shared/i18n.ts';
import { describeError, type Check } from '../../../../exercises/check-api.ts';
import { messages } from '../messages.ts';
import { startParallelServer } from '../parallel-server.ts';

type CallbacksModule = typeof import('./pristine/fetch-all-callbacks.ts');

const REQUESTS = 3;

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { fetchAllWithCallbacks } =
    await context.importFile<CallbacksModule>('fetch-all-callbacks.ts');

  const server = await startParallelServer(REQUESTS);
  try {
    const calls: Array<{ error: Error | null; bodies: string[] | undefined; ended: number }> = [];
    let resolveFirst: () => void;
    const firstCall = new Promise<void>((resolve) => (resolveFirst = resolve));
    fetchAllWithCallbacks(server.urls, (error, bodies) => {
      // A copy, because a too-early done gets the array that later fills up.
      calls.push({
        error,
        bodies: bodies && [...bodies],
        ended: bodies?.filter((body) => body !== undefined).length ?? 0,
      });
      resolveFirst();
    });
    await firstCall;

    const [first] = calls;
    if (first!.error) return { ok: false, problem: t.doneWithError(describeError(first!.error)) };
    if (first!.ended < REQUESTS) return { ok: false, problem: t.doneTooEarly(first!.ended) };
    if (server.maxInFlight() < REQUESTS)
      return { ok: false, problem: t.notParallel(server.maxInFlight(), REQUESTS) };
    if (JSON.stringify(first!.bodies) !== JSON.stringify(server.bodies))
      return {
        ok: false,
        problem: t.wrongBodies(JSON.stringify(first!.bodies), JSON.stringify(server.bodies)),
      };

    // A second call would come from the same round of 'end' events; a few loop turns cover it.
    for (let turn = 0; turn < 10; turn++) await nextLoopTurn();
    if (calls.length > 1) return { ok: false, problem: t.doneTwice(calls.length) };
    return { ok: true };
  } finally {
    await server.close();
  }
};

export default check;
