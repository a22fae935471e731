// Child processes of the benchmark: spawning with a raised file-descriptor limit, typed IPC
// messages, waiting for a report with a deadline, and killing every child by its PID on the way
// out (normal end, error, timeout or Ctrl+C).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Lines of a child's stderr kept for the error message when it dies. */
const STDERR_TAIL_LINES = 20;

const children = new Set<ChildProcess>();

/** Kills every child still running; safe to call more than once. */
export function killChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

/**
 * Spawns `node --expose-gc --import tsx SCRIPT ARGS` with an IPC channel. Node cannot call
 * setrlimit, so on POSIX systems the child starts through `sh`, which raises its soft
 * file-descriptor limit before it execs node. It asks for the hard limit, and for `fdLimit` when
 * that fails (on macOS the hard limit can be "unlimited" while the kernel caps it lower).
 */
export function spawnNode(script: string, args: string[], fdLimit: number): ChildProcess {
  const nodeArgs = ['--expose-gc', '--import', 'tsx', path.join(BENCH_DIR, script), ...args];
  const options = {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[],
    serialization: 'advanced' as const,
    cwd: path.resolve(BENCH_DIR, '..'),
  };

  const child =
    process.platform === 'win32'
      ? spawn(process.execPath, nodeArgs, options)
      : spawn(
          '/bin/sh',
          [
            '-c',
            `ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n ${fdLimit} 2>/dev/null; exec "$0" "$@"`,
            process.execPath,
            ...nodeArgs,
          ],
          options,
        );
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** A child with typed messages; `next` waits for one report type with a deadline. */
export class BenchChild<Request, Report extends { type: string }> {
  readonly #child: ChildProcess;
  readonly #name: string;
  readonly #stderr: string[] = [];
  #exit: string | undefined;
  readonly #listeners = new Set<(report: Report) => void>();

  constructor(child: ChildProcess, name: string) {
    this.#child = child;
    this.#name = name;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr.push(...chunk.split('\n').filter(Boolean));
      this.#stderr.splice(0, Math.max(0, this.#stderr.length - STDERR_TAIL_LINES));
    });
    child.on('message', (report: Report) => {
      for (const listener of this.#listeners) listener(report);
    });
    child.on('exit', (code, signal) => {
      this.#exit = `${this.#name} exited with ${signal ?? `code ${code}`}`;
      for (const listener of this.#listeners) listener({ type: 'exit' } as Report);
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  send(request: Request): void {
    if (this.#child.connected) this.#child.send(request as object);
  }

  /** Calls `listener` for every report of this type until the returned function is called. */
  on<T extends Report['type']>(
    type: T,
    listener: (report: Extract<Report, { type: T }>) => void,
  ): () => void {
    const filtered = (report: Report) => {
      if (report.type === type) listener(report as Extract<Report, { type: T }>);
    };
    this.#listeners.add(filtered);
    return () => this.#listeners.delete(filtered);
  }

  /** Resolves with the next report of this type; rejects on an `error` report, exit or timeout. */
  next<T extends Report['type']>(
    type: T,
    timeoutMs: number,
    what: string,
  ): Promise<Extract<Report, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.#exit) {
        reject(new Error(this.#failure(this.#exit)));
        return;
      }

      const done = () => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.#name}: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const listener = (report: Report) => {
        if (report.type === type) {
          done();
          resolve(report as Extract<Report, { type: T }>);
        } else if (report.type === 'error') {
          done();
          reject(new Error(`${this.#name}: ${(report as { message?: string }).message}`));
        } else if (report.type === 'exit') {
          done();
          reject(new Error(this.#failure(this.#exit ?? `${this.#name} exited`)));
        }
      };
      this.#listeners.add(listener);
    });
  }

  /** Resolves when the child has exited, or after `timeoutMs` if it has not. */
  exited(timeoutMs: number): Promise<void> {
    if (this.#exit) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  kill(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null)
      this.#child.kill('SIGKILL');
  }

  #failure(reason: string): string {
    return this.#stderr.length === 0 ? reason : `${reason}:\n${this.#stderr.join('\n')}`;
  }
}
