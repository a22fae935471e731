// The server logger: pino, readable through pino-pretty by default, one JSON object per line with
// `--log-format json`. Log lines are for operators, so they are English and never contain
// message bodies at info level.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

import type { ChatServerConfig } from './config.ts';

export type { Logger };

/**
 * Creates the logger. pino-pretty runs as a synchronous stream in this thread instead of a worker
 * transport, because a worker thread adds a few hundred milliseconds to start-up.
 */
export function createLogger(config: Pick<ChatServerConfig, 'logFormat' | 'logLevel'>): Logger {
  const options = { level: config.logLevel, base: { service: 'loopchat-chat' } };
  if (config.logFormat === 'json' || config.logLevel === 'silent') return pino(options);

  const stream = pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    ignore: 'pid,hostname,service',
  });
  return pino(options, stream);
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
