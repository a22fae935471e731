/**
 * Lesson 04: parallel requests with undici.
 *
 * Run it:     npm run lesson 04
 * Stable:     npm run lesson 04 -- --deterministic     (hides times and the port)
 * Real API:   npm run lesson 04 -- --url https://jsonplaceholder.typicode.com
 *
 * Watch for three things:
 * 1. All three GET lines print before any response, because request() starts a request and
 *    returns a Promise at once.
 * 2. The posts arrive in the order 2, 3, 1: the order of the server's delays (100, 200, 300 ms),
 *    not the order of the requests.
 * 3. Promise.all resolves after about 300 ms (the slowest request, not the 600 ms sum) and lists
 *    the results in request order.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

import { formatDuration, lessonOption, log, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const POST_IDS = [1, 2, 3];
const REQUEST_TIMEOUT_MS = 10_000;

/** Posts of the local API, each with the time the server waits before it responds. */
const LOCAL_POSTS = [
  { id: 1, title: t.post1Title, delayMs: 300 },
  { id: 2, title: t.post2Title, delayMs: 100 },
  { id: 3, title: t.post3Title, delayMs: 200 },
];

interface Post {
  id: number;
  title: string;
}

/** A failed GET: its URL and the reason, an error code such as ECONNREFUSED or the HTTP status. */
class RequestFailedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`GET ${url} failed: ${reason}`);
  }
}

/** Serves GET /posts/:id as JSON, like JSONPlaceholder, after the post's delay (a slow database). */
function handleApiRequest(incoming: IncomingMessage, response: ServerResponse): void {
  const id = Number(/^\/posts\/(\d+)$/.exec(incoming.url ?? '')?.[1]);
  const post = LOCAL_POSTS.find((candidate) => candidate.id === id);
  if (incoming.method !== 'GET' || !post) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    return;
  }

  setTimeout(() => {
    const body = JSON.stringify({ userId: 1, id: post.id, title: post.title, body: '' });
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  }, post.delayMs);
}

function startLocalApi(): Promise<Server> {
  const server = createServer(handleApiRequest);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

async function main(): Promise<void> {
  // Where the posts come from: the API given with --url, else a local one started here.
  const urlOption = lessonOption('url');
  let base: string;
  let localApi: Server | undefined;
  if (typeof urlOption === 'string') {
    if (!isHttpUrl(urlOption)) {
      process.stderr.write(`${t.invalidUrl(urlOption)}\n`);
      process.exitCode = 2;
      return;
    }
    base = urlOption.replace(/\/+$/, '');
    log(t.remoteApi(base));
  } else {
    localApi = await startLocalApi();
    base = `http://127.0.0.1:${(localApi.address() as AddressInfo).port}`;
    const delays = LOCAL_POSTS.map((post) => t.postDelay(post.id, post.delayMs));
    log(t.localApiListening(base, delays.join(t.listSeparator)));
  }

  // One Agent for every request: it pools the connections to each origin, and agent.close() lets
  // the requests in flight finish before it closes them.
  const agent = new Agent({
    connect: { timeout: REQUEST_TIMEOUT_MS },
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });

  async function fetchPost(id: number): Promise<Post> {
    const url = `${base}/posts/${id}`;
    log(t.requestStarted(url));
    try {
      const { statusCode, body } = await request(url, { dispatcher: agent });
      if (statusCode !== 200) {
        await body.dump();
        throw new RequestFailedError(url, t.httpStatus(statusCode));
      }
      const post = (await body.json()) as Partial<Post>;
      if (typeof post.title !== 'string') throw new RequestFailedError(url, t.invalidPost);
      return { id, title: post.title };
    } catch (error) {
      if (error instanceof RequestFailedError) throw error;
      const { code, message } = error as NodeJS.ErrnoException;
      throw new RequestFailedError(url, code ?? message);
    }
  }

  // Start all three, then wait. Each request prints its post as soon as it arrives.
  const startedAt = performance.now();
  const requests = POST_IDS.map(async (id) => {
    const post = await fetchPost(id);
    log(t.postArrived(id, formatDuration(performance.now() - startedAt), post.title));
    return post;
  });
  log(t.allInFlight(requests.length));

  try {
    const posts = await Promise.all(requests);
    log(t.allResolved(formatDuration(performance.now() - startedAt)));
    for (const post of posts) log(t.resultLine(post.id, post.title));
    await agent.close();
    log(t.agentClosed);
  } catch (error) {
    if (!(error instanceof RequestFailedError)) throw error;
    // Promise.all rejects with the first failure, and destroy() aborts the requests still running.
    process.stderr.write(`${t.requestFailed(error.url, error.reason, base)}\n`);
    process.exitCode = 1;
    await agent.destroy();
  } finally {
    if (localApi) {
      await new Promise((resolve) => localApi.close(resolve));
      log(t.localApiClosed);
    }
  }
}

await main();
