// Start-up time of the chat server: spawns `npm run chat -- --port 0` (client build check
// included) and the server entry alone, and times each from spawn until a WebSocket to /chat is
// open. Run it with `node --import tsx bench/startup.ts [--runs N] [--lang ja|en]`.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';

import { detectLanguage } from '../shared/i18n.ts';
import { BENCH_DIR } from './child.ts';
import { benchMessagesFor } from './messages.ts';
import { summarise } from './percentiles.ts';

const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const LISTENING_LINE = /(http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 60_000;

interface Variant {
  name: string;
  command: string;
  args: string[];
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const VARIANTS: Variant[] = [
  { name: 'npm run chat -- --port 0', command: npm, args: ['run', 'chat', '--', '--port', '0'] },
  {
    name: 'node --import tsx chat/server/main.ts --port 0',
    command: process.execPath,
    args: ['--import', 'tsx', path.join('chat', 'server', 'main.ts'), '--port', '0'],
  },
];

/** Kills the child and, on POSIX, its process group, because npm starts node in a child shell. */
function stopTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill();
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}

/** Returns milliseconds from spawn until a WebSocket to the started server is open. */
async function timeStart(variant: Variant): Promise<number> {
  const startedAt = performance.now();
  const child = spawn(variant.command, variant.args, {
    cwd: REPO_ROOT,
    // Its own process group, so that stopTree reaches the node process behind npm.
    detached: process.platform !== 'win32',
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOOPCHAT_LOG_FORMAT: 'pretty', LOOPCHAT_LOG_LEVEL: 'info' },
  });

  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`no listening line within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const match = LISTENING_LINE.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr!.resume();
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before listening`));
      });
    });

    const socket = new WebSocket(`${url.replace('http', 'ws')}/chat?username=startup`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const elapsedMs = performance.now() - startedAt;
    socket.terminate();
    return elapsedMs;
  } finally {
    stopTree(child);
  }
}

const text = benchMessagesFor(detectLanguage(process.argv, process.env));
let values: { runs?: string; lang?: string };
try {
  values = parseArgs({
    options: { runs: { type: 'string', default: '3' }, lang: { type: 'string' } },
  }).values;
} catch (error) {
  process.stderr.write(text.errorPrefix + text.invalidArguments((error as Error).message) + '\n');
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  process.stderr.write(text.errorPrefix + text.invalidRuns(String(values.runs)) + '\n');
  process.exit(2);
}

for (const variant of VARIANTS) {
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) times.push(await timeStart(variant));
  } catch (error) {
    process.stderr.write(
      text.errorPrefix + text.startupFailed(variant.name, (error as Error).message) + '\n',
    );
    process.exit(1);
  }
  const summary = summarise(times);
  const all = times.map((time) => Math.round(time)).join(', ');
  process.stdout.write(
    text.startupResult(variant.name, Math.round(summary.p50), Math.round(summary.max), all) + '\n',
  );
}
