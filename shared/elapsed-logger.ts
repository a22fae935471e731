// A logger that prefixes each line with the time elapsed since it was created, e.g. `[+1002ms]`,
// so that timer drift and the order of events are visible. Browser-safe.

export interface ElapsedLoggerOptions {
  /** Current time in milliseconds; the first call marks the start. */
  now: () => number;
  /** Receives each finished line, without a trailing newline. */
  write: (line: string) => void;
  /** Show the `[+…ms]` stamp (default true). */
  timestamps?: boolean;
  /** Replace stamps with a fixed placeholder, for output that must not vary from run to run. */
  hideTimes?: boolean;
}

/** Placeholder written in place of a duration that would vary from run to run. */
export const HIDDEN_DURATION = '....';

export type ElapsedLogger = (text: string) => void;

/** Formats an elapsed time as the logger stamps it, padded so that columns line up up to 9999 ms. */
export function formatStamp(elapsedMs: number): string {
  return `[+${String(Math.round(elapsedMs)).padStart(4, ' ')}ms]`;
}

export function createElapsedLogger(options: ElapsedLoggerOptions): ElapsedLogger {
  const startedAt = options.now();
  const timestamps = options.timestamps ?? true;

  return (text: string) => {
    const stamp = options.hideTimes
      ? `[+${HIDDEN_DURATION}ms]`
      : formatStamp(options.now() - startedAt);
    for (const line of text.split('\n')) options.write(timestamps ? `${stamp} ${line}` : line);
  };
}
