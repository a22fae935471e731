// The server logger: pino, readable through pino-pretty by default, one JSON object per line with
// `--log-format json`. Log lines are for operators, so they are English and never contain
// message bodies at info level.
import { writeSync } from 'node:fs';

import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

import type { ChatServerConfig } from './config.ts';

export type { Logger };

/**
 * Creates the logger. pino-pretty runs as a synchronous stream in this thread instead of a worker
 * transport, because a worker thread adds a few hundred milliseconds to start-up.
 */
export function createLogger(config: Pick<ChatServerConfig, 'logFormat' | 'logLevel'>): Logger {
  const options = { level: config.logLevel, base: { service: 'loopchat-chat' } };
  if (config.logLevel === 'silent') return pino(options);
  if (config.logFormat === 'json') return pino(options, new StdoutLines());

  const stream = pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    ignore: 'pid,hostname,service',
  });
  return pino(options, stream);
}

/** Tries a write to a full pipe this many times, 10 ms apart, before the line is dropped. */
const FULL_PIPE_RETRIES = 50;
const FULL_PIPE_WAIT_MS = 10;
/** A cell nobody notifies, so that `Atomics.wait` on it is a plain synchronous sleep. */
const SLEEP_CELL = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes JSON log lines to stdout synchronously, so that nothing is lost when the process exits.
 * Once the reader of stdout is gone (EPIPE, as after `| head -1`), later lines are dropped.
 * pino's default destination (sonic-boom 4.2.1) retries such a failed write every 100 ms in its
 * exit handler without end, so a SIGTERM could not end the process.
 */
export class StdoutLines implements DestinationStream {
  readonly #fd: number;
  #closed = false;

  constructor(fd = 1) {
    this.#fd = fd;
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(line: string): void {
    if (this.#closed) return;

    let rest = Buffer.from(line);
    let retries = 0;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.#fd, rest));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A pipe in non-blocking mode that is full: wait for its reader a little.
        if (code === 'EAGAIN' && retries++ < FULL_PIPE_RETRIES) {
          Atomics.wait(SLEEP_CELL, 0, 0, FULL_PIPE_WAIT_MS);
          continue;
        }
        // EPIPE or EBADF means the log reader is gone. Any other error drops this line only.
        if (code === 'EPIPE' || code === 'EBADF') this.#closed = true;
        return;
      }
    }
  }
}

/** Minimum time between two log lines for the same repeated error; repeats in between are counted. */
export const REPEATED_ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Returns a function that logs an error at most once per interval for each key and reports how
 * many repeats it suppressed. The check is lazy (timestamps compared on each call), so it needs no
 * timer.
 */
export function createRepeatedErrorLog(
  logger: Logger,
  intervalMs = REPEATED_ERROR_LOG_INTERVAL_MS,
  now: () => number = Date.now,
): (key: string, fields: Record<string, unknown>, message: string) => void {
  const lastLogged = new Map<string, { at: number; suppressed: number }>();

  return (key, fields, message) => {
    const entry = lastLogged.get(key);
    const time = now();
    if (entry && time - entry.at < intervalMs) {
      entry.suppressed += 1;
      return;
    }

    logger.error({ ...fields, suppressedRepeats: entry?.suppressed ?? 0 }, message);
    lastLogged.set(key, { at: time, suppressed: 0 });

    // Keys are error codes, so the map stays small; this bound only guards against a bug that
    // would build keys from client input.
    if (lastLogged.size > 1000) lastLogged.clear();
  };
}
