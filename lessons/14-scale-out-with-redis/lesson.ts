/**
 * Lesson 14: scale out with Redis.
 *
 * Run it:  npm run lesson 14        (needs redis-server on PATH)
 *
 * A local redis-server starts on a free port, then two chat nodes share it: node A as a child
 * process (`chat/server/main.ts --redis …`, so it can be killed like a crashed pod) and node B in
 * this process. bob talks to node B directly; alice goes through a tiny load balancer that prefers
 * node A. Both use the reconnecting client of `shared/chat-client.ts`.
 *
 * Watch for four things:
 * 1. A message sent on node A reaches bob on node B: Redis assigns the sequence number, stores
 *    the message and publishes it to every node.
 * 2. After node A is killed, alice's client reconnects through the load balancer to node B and
 *    resumes from the last sequence number it saw: the message bob sent meanwhile is replayed
 *    from the Redis history, and nothing arrives twice.
 * 3. alice comes back as "alice (2)", because the dead node's entry still registers "alice" in Redis.
 * 4. A few seconds later node A's heartbeat key expires, and node B removes its users and
 *    publishes their leaves.
 */

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { WebSocket } from 'undici';

import { startChatServer } from '../../chat/server/server.ts';
import { ChatClient, type ChatClientEvents } from '../../shared/chat-client.ts';
import { log, useMessages } from '../../shared/lesson.ts';
import { startBalancer } from './balancer.ts';
import { messages } from './messages.ts';
import { findRedisServer, startRedis } from '../../shared/redis-server.ts';

const t = useMessages(messages);

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Node A's heartbeat key lives 5 s and each node checks every third of that, so A's users are
// dropped 3–7 s after it dies. alice reconnects after 800 ms, so even a busy machine shows her as
// "alice (2)".
const NODE_TTL_MS = 5_000;
const RECONNECT_DELAY_MS = 800;

// Step 0: redis-server must be installed; the lesson starts its own private instance.
const redisBinary = findRedisServer();
if (!redisBinary) {
  process.stderr.write(`${t.redisMissing}\n`);
  process.exit(2);
}

// Step 1: Redis on a free port of 127.0.0.1, with no persistence.
const redis = await startRedis({ binary: redisBinary });
log(t.redisStarted(`127.0.0.1:${redis.port}`));

// Step 2: node A as a child process, exactly as `npm run chat -- --redis …` would start it.
const nodeA = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(REPO_ROOT, 'chat', 'server', 'main.ts'),
    '--port',
    '0',
    '--redis',
    redis.url,
    '--redis-node-ttl-ms',
    String(NODE_TTL_MS),
    '--log-level',
    'warn',
    '--lang',
    'en',
  ],
  { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
const nodeAUrl = await new Promise<string>((resolve, reject) => {
  let output = '';
  nodeA.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match) resolve(match[1]!);
  });
  nodeA.once('exit', (code) => reject(new Error(`node A exited with code ${code}: ${output}`)));
});
log(t.nodeStarted('A', nodeAUrl, t.childProcess));

// Step 3: node B in this process, sharing the same Redis.
const nodeB = await startChatServer({
  port: 0,
  redis: redis.url,
  redisNodeTtlMs: NODE_TTL_MS,
  logLevel: 'silent',
  presenceFlushMs: 10,
  shutdownStaggerMs: 50,
});
log(t.nodeStarted('B', nodeB.url, t.inProcess));

const balancer = await startBalancer([Number(new URL(nodeAUrl).port), nodeB.port]);
log(t.balancer(`127.0.0.1:${balancer.port}`));

/** Resolves with the first event of a type that matches, for stepping through the story. */
function nextEvent<K extends keyof ChatClientEvents>(
  client: ChatClient,
  type: K,
  matches: (payload: ChatClientEvents[K]) => boolean = () => true,
): Promise<ChatClientEvents[K]> {
  return new Promise((resolve) => {
    const off = client.on(type, (payload) => {
      if (!matches(payload)) return;
      off();
      resolve(payload);
    });
  });
}

// Step 4: bob on node B directly, alice through the load balancer (so on node A).
const clientOptions = {
  WebSocket,
  backoff: { initialDelayMs: RECONNECT_DELAY_MS, maxDelayMs: RECONNECT_DELAY_MS, jitter: 'none' },
  probeHandshake: null,
} as const;
const bob = new ChatClient({ url: `${nodeB.url}/chat`, username: 'bob', ...clientOptions });
const alice = new ChatClient({
  url: `http://127.0.0.1:${balancer.port}/chat`,
  username: 'alice',
  ...clientOptions,
});

const bobWelcome = nextEvent(bob, 'welcome');
bob.connect();
log(t.connected('bob', 'B', (await bobWelcome).count));
const aliceWelcome = nextEvent(alice, 'welcome');
alice.connect();
log(t.connected('alice', 'A', (await aliceWelcome).count));

// Step 5: a message crosses nodes in both directions.
const atBob = nextEvent(bob, 'message', (message) => message.message === 'hello from node A');
alice.send('hello from node A');
const first = await atBob;
log(t.received('bob', 'B', first.seq, first.username, first.message));

const atAlice = nextEvent(alice, 'message', (message) => message.message === 'hi from node B');
bob.send('hi from node B');
const second = await atAlice;
log(t.received('alice', 'A', second.seq, second.username, second.message));

// Step 6: node A dies. The load balancer drops alice's connection with it (close code 1006).
const reconnecting = nextEvent(alice, 'state', (snapshot) => snapshot.state === 'reconnecting');
const aliceBack = nextEvent(alice, 'welcome');
log(t.killing);
nodeA.kill('SIGKILL');
const lost = await reconnecting;
log(t.lost('alice', lost.disconnect?.code ?? 0, lost.retryDelayMs ?? 0));

// Step 7: bob keeps talking while alice is away; the message goes into the Redis history.
const ownEcho = nextEvent(bob, 'message', (message) => message.message === 'are you there?');
bob.send('are you there?');
log(t.sentWhileAway('bob', (await ownEcho).seq));

// Step 8: alice reconnects through the load balancer, which now reaches only node B, and resumes.
const replayed = nextEvent(alice, 'message', (message) => message.replayed);
const welcome = await aliceBack;
log(t.reconnected('alice', welcome.username));
const missed = await replayed;
log(t.replayed('alice', missed.seq, missed.username, missed.message));

// Step 9: node A's heartbeat key expires; node B removes its users and publishes the leaves.
const leave = await nextEvent(bob, 'presence', (change) => change.kind === 'leave');
if (leave.kind !== 'summary') log(t.left('bob', leave.username, leave.count));
const users = nextEvent(bob, 'users');
bob.who();
log(t.users((await users).users.join(', ')));

// Step 10: clean up.
alice.close();
bob.close();
await nodeB.close();
await balancer.close();
await redis.stop();
log(t.done);
