// A throwaway redis-server for lesson 14 and the cluster tests: started on a free port of
// 127.0.0.1 with no persistence, in a temporary directory, and stopped by its PID. Node-only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Time redis-server may take to print that it accepts connections. */
const REDIS_START_TIMEOUT_MS = 10_000;

/** Attempts at finding a port, because another process may take the free port before Redis binds it. */
const PORT_ATTEMPTS = 5;

/** Returns the path of `redis-server` on PATH, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, 'redis-server');
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (result.status === 0 && result.stdout.includes('Redis server')) return candidate;
  }
  return undefined;
}

export interface RedisProcess {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Directory for `SAVE`; a restart in the same directory loads the saved data. */
  readonly directory: string;
  readonly child: ChildProcess;
  /** Kills the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Returns a port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server on 127.0.0.1 with no automatic snapshots and no append-only file. Pass
 * `port` and `directory` of a killed server to restart it in the same place.
 */
export async function startRedis(
  options: { port?: number; directory?: string; binary?: string } = {},
): Promise<RedisProcess> {
  const binary = options.binary ?? findRedisServer();
  if (!binary)
    throw new Error(
      'redis-server is not installed: apt-get install redis-server or brew install redis',
    );
  const directory = options.directory ?? mkdtempSync(path.join(tmpdir(), 'loopchat-redis-'));

  let lastError: Error | undefined;
  const attempts = options.port === undefined ? PORT_ATTEMPTS : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const child = await spawnRedis(binary, port, directory);
      return describeProcess(child, port, directory);
    } catch (error) {
      lastError = error as Error;
    }
  }
  throw lastError ?? new Error('redis-server did not start');
}

function spawnRedis(binary: string, port: number, directory: string): Promise<ChildProcess> {
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      directory,
      // `notice` is the lowest level that still prints the ready line this function waits for.
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `redis-server on port ${port} did not start within ${REDIS_START_TIMEOUT_MS} ms: ${output}`,
        ),
      );
    }, REDIS_START_TIMEOUT_MS);

    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited with code ${code}: ${output}`));
    });
  });
}

function describeProcess(child: ChildProcess, port: number, directory: string): RedisProcess {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Drain the pipes so that a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    directory,
    child,
    kill,
    async stop() {
      await kill();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
