// Check of exercise 06: an HTTP server on 127.0.0.1 (random port) calls the student's
// handleLongPoll with a feed the check controls and a 100 ms timeout, and a node:http client sends
// real requests. It tries four situations: news already waiting, two polls held until a publish,
// a poll that times out, and a poll the client cancels. After each, no feed listener may remain,
// and once the timeout has passed the handler must not write to the finished response again.

import { once } from 'node:events';
import { createServer, get, type ClientRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { pick } from '../../../shared/i18n.ts';
import type { Check, CheckResult } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type LongPollModule = typeof import('./pristine/long-poll.ts');
type Update = import('./pristine/long-poll.ts').Update;
type Text = typeof messages.en;

const TIMEOUT_MS = 100;
/** Stops only a handler that neither responds nor subscribes, because a working one takes milliseconds. */
const NO_PROGRESS_LIMIT_MS = 5_000;

/** A feed whose listeners the check can count and whose next subscribe it can wait for. */
class TestFeed {
  readonly updates: Update[] = [];
  readonly listeners = new Set<() => void>();
  #subscribeWaiters: Array<() => void> = [];

  updatesAfter(after: number): Update[] {
    return this.updates.filter((update) => update.id > after);
  }

  subscribe(listener: () => void): () => void {
    // Wrapped, so that subscribing the same function twice still counts as two listeners.
    const entry = () => listener();
    this.listeners.add(entry);
    for (const resolve of this.#subscribeWaiters) resolve();
    this.#subscribeWaiters = [];
    return () => this.listeners.delete(entry);
  }

  publish(text: string): void {
    this.updates.push({ id: this.updates.length + 1, text });
    for (const listener of [...this.listeners]) listener();
  }

  nextSubscribe(): Promise<'subscribed'> {
    return new Promise((resolve) => this.#subscribeWaiters.push(() => resolve('subscribed')));
  }
}

/** Server-side record of one request: writes after the response had ended, and its close. */
interface ServerSide {
  lateWrites: number;
  closed: Promise<void>;
}

interface Exchange {
  status: number;
  body: string;
}

/** Counts writes to a response that has already ended or closed, and drops them. */
function watchLateWrites(response: ServerResponse, record: ServerSide): void {
  let closed = false;
  response.on('close', () => (closed = true));
  for (const method of ['writeHead', 'write', 'end'] as const) {
    const original = (response[method] as (...args: unknown[]) => unknown).bind(response);
    (response as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (!closed && !response.writableEnded) return original(...args);
      record.lateWrites++;
      return response;
    };
  }
}

function sendRequest(
  port: number,
  path: string,
): { request: ClientRequest; done: Promise<Exchange> } {
  const request = get({ host: '127.0.0.1', port, path, agent: false });
  const done = new Promise<Exchange>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
  });
  return { request, done };
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { handleLongPoll } = await context.importFile<LongPollModule>('long-poll.ts');

  const feed = new TestFeed();
  for (const text of ['one', 'two', 'three']) feed.publish(text);
  const serverSides: ServerSide[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: ServerSide = { lateWrites: 0, closed: once(response, 'close').then(() => {}) };
    serverSides.push(record);
    watchLateWrites(response, record);
    handleLongPoll(feed, Number(url.searchParams.get('after')), response, TIMEOUT_MS);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  try {
    return await runSituations(port, feed, serverSides, t);
  } finally {
    server.closeAllConnections();
    server.close();
  }
};

async function runSituations(
  port: number,
  feed: TestFeed,
  serverSides: ServerSide[],
  t: Text,
): Promise<CheckResult> {
  const describe = (exchange: Exchange) => `${exchange.status} ${exchange.body || t.emptyBody}`;
  const describeUpdates = (updates: Update[]) => `200 ${JSON.stringify(updates)}`;

  /** Sends a poll that finds no news, and waits until the handler subscribes to the feed. */
  async function park(after: number) {
    const path = `/long-poll?after=${after}`;
    const label = `GET ${path}`;
    const subscribed = feed.nextSubscribe();
    const { request, done } = sendRequest(port, path);
    let limit: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      subscribed,
      done,
      new Promise<'stuck'>(
        (resolve) => (limit = setTimeout(() => resolve('stuck'), NO_PROGRESS_LIMIT_MS)),
      ),
    ]);
    clearTimeout(limit);
    const serverSide = serverSides.at(-1)!;

    let problem: string | undefined;
    if (outcome === 'stuck') problem = t.noResponse(label, NO_PROGRESS_LIMIT_MS / 1000);
    else if (outcome !== 'subscribed')
      problem =
        outcome.status === 200
          ? t.respondedAtOnce(label, describe(outcome))
          : t.neverSubscribed(label, describe(outcome));
    return { label, request, done, serverSide, problem };
  }

  async function afterwards(label: string, serverSide: ServerSide, situation: string) {
    // The handler's own 'close' listener runs after the check's, so give it a turn.
    await serverSide.closed;
    await sleep(0);
    if (feed.listeners.size > 0)
      return situation === t.situationClientLeft
        ? t.listenerLeftAfterClose(label, feed.listeners.size)
        : t.listenerLeft(label, feed.listeners.size, situation);

    // This sleep starts after the handler's timer with the same duration, so it ends after it.
    await sleep(TIMEOUT_MS + 20);
    if (serverSide.lateWrites > 0) return t.lateWrite(label, situation);
    return undefined;
  }

  // 1. News is waiting: the response comes at once.
  {
    const path = '/long-poll?after=1';
    const label = `GET ${path}`;
    const exchange = await sendRequest(port, path).done;
    const expected = describeUpdates(feed.updatesAfter(1));
    if (describe(exchange) !== expected)
      return {
        ok: false,
        problem: t.wrongResponse(label, t.situationNews, describe(exchange), expected),
      };
    const late = await afterwards(label, serverSides.at(-1)!, t.situationNews);
    if (late) return { ok: false, problem: late };
  }

  // 2. Two polls wait, and one publish ends both.
  {
    const first = await park(3);
    if (first.problem) return { ok: false, problem: first.problem };
    const second = await park(3);
    if (second.problem) return { ok: false, problem: second.problem };

    feed.publish('four');
    const expected = describeUpdates(feed.updatesAfter(3));
    for (const poll of [first, second]) {
      const exchange = await poll.done;
      if (describe(exchange) !== expected)
        return {
          ok: false,
          problem: t.wrongResponse(poll.label, t.situationPublish, describe(exchange), expected),
        };
    }
    const late = await Promise.all(
      [first, second].map((poll) => afterwards(poll.label, poll.serverSide, t.situationPublish)),
    );
    const problem = late.find((message) => message !== undefined);
    if (problem) return { ok: false, problem };
  }

  // 3. Nothing is published: 204 No Content after the timeout.
  {
    const poll = await park(4);
    if (poll.problem) return { ok: false, problem: poll.problem };
    const exchange = await poll.done;
    const expected = `204 ${t.emptyBody}`;
    if (describe(exchange) !== expected)
      return {
        ok: false,
        problem: t.wrongResponse(poll.label, t.situationTimeout, describe(exchange), expected),
      };
    const late = await afterwards(poll.label, poll.serverSide, t.situationTimeout);
    if (late) return { ok: false, problem: late };
  }

  // 4. The client cancels a waiting poll.
  {
    const poll = await park(4);
    if (poll.problem) return { ok: false, problem: poll.problem };
    poll.done.catch(() => {});
    poll.request.destroy();
    const late = await afterwards(poll.label, poll.serverSide, t.situationClientLeft);
    if (late) return { ok: false, problem: late };
  }
  return { ok: true };
}

export default check;
