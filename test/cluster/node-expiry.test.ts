// A node that dies without a goodbye: the chat server runs as a child process (`main.ts`, as in
// production) and is killed with SIGKILL. Its users stay listed until its heartbeat key expires;
// then a live node removes them and every client gets the leaves. Its clients reconnect to the
// live node and resume without loss.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { connect, type ServerEvent } from '../chat-server/helpers.ts';
import { neutralEnv, REPO_ROOT } from '../support/run-lesson.ts';
import { redisSkipReason, startRedis, type RedisProcess } from '../support/redis.ts';
import { Cluster } from './helpers.ts';

const skipReason = redisSkipReason();

/** Heartbeat key lifetime of the child node: short, so its expiry is seen within seconds. */
const CHILD_NODE_TTL_MS = 1_500;

/** Time the child may take to print its URL. */
const CHILD_START_TIMEOUT_MS = 20_000;

let redis: RedisProcess;
let cluster: Cluster;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (skipReason) return;
  redis = await startRedis();
  cluster = new Cluster(redis);
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await cluster?.reset();
});

afterAll(async () => {
  await redis?.stop();
});

/** Starts `chat/server/main.ts` on a free port with the test Redis and returns its base URL. */
async function startChildNode(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'chat/server/main.ts',
      '--port',
      '0',
      '--redis',
      redis.url,
      '--redis-node-ttl-ms',
      String(CHILD_NODE_TTL_MS),
      '--lang',
      'en',
    ],
    { cwd: REPO_ROOT, env: neutralEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`child node printed no URL within ${CHILD_START_TIMEOUT_MS} ms: ${output}`),
        ),
      CHILD_START_TIMEOUT_MS,
    );
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Chat server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child node exited with code ${code}: ${output}`));
    });
  });
  return { child, url };
}

const isMessage = (text: string) => (event: ServerEvent) =>
  event.type === 'message' && event.message === text;

describe.skipIf(skipReason !== undefined)('redis cluster node expiry', () => {
  it('drops the users of a killed node after its TTL', async () => {
    const { child, url } = await startChildNode();
    const live = await cluster.startNode();
    const bob = cluster.track(await connect(live, { username: 'bob', v1: true }));
    const carol = cluster.track(await connect({ url }, { username: 'carol', v1: true }));
    expect(carol.events[0]).toMatchObject({ type: 'welcome', count: 2 });
    await bob.next((event) => event.type === 'join' && event.username === 'carol');

    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid!, 'SIGKILL');
    await exited;

    const left = await bob.next((event) => event.type === 'leave');
    expect(left).toEqual({ type: 'leave', username: 'carol', count: 1 });
    bob.send({ type: 'who' });
    expect(await bob.next('users')).toMatchObject({ users: ['bob'], count: 1 });
  });

  it('resumes on the live node after the kill', async () => {
    const { child, url } = await startChildNode();
    const live = await cluster.startNode();
    const bob = cluster.track(await connect(live, { username: 'bob', v1: true }));
    const carol = cluster.track(await connect({ url }, { username: 'carol', v1: true }));
    const epoch = carol.events[0]!.epoch as string;

    bob.send({ type: 'message', message: 'one' });
    const seen = await carol.next(isMessage('one'));
    process.kill(child.pid!, 'SIGKILL');
    await carol.closed;

    bob.send({ type: 'message', message: 'two' });
    await bob.next(isMessage('two'));
    const back = cluster.track(
      await connect(live, {
        username: 'carol',
        v1: true,
        query: { epoch, after: String(seen.seq) },
      }),
    );

    const history = back.events.find((event) => event.type === 'history')!;
    expect(history).toMatchObject({ epoch, lost: 0, epochChanged: false });
    expect((history.messages as { message: string }[]).map((m) => m.message)).toEqual(['two']);
  });
});
