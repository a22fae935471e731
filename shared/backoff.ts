// Exponential backoff with a cap and jitter, for reconnecting clients and retrying servers.
// Jitter spreads the retries of many clients that lost the same server at the same moment, so
// they do not all come back in one synchronised storm. Browser-safe.

export type Jitter = 'none' | 'full' | 'equal';

export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds (default 500). */
  initialDelayMs?: number;
  /** Upper bound of any delay, in milliseconds (default 30 000). */
  maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /**
   * `full`: uniform in [0, d]; `equal`: uniform in [d/2, d]; `none`: exactly d, where d is the
   * capped exponential delay. Default `full`, which spreads a crowd the most.
   */
  jitter?: Jitter;
  /** Source of randomness in [0, 1), replaceable so tests are deterministic (default Math.random). */
  random?: () => number;
}

function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`invalid backoff ${name} ${value}: use a finite number above 0`);
  }
}

/** Returns the delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const factor = options.factor ?? 2;
  const random = options.random ?? Math.random;
  checkPositive('initialDelayMs', initial);
  checkPositive('maxDelayMs', max);
  if (!(factor >= 1))
    throw new RangeError(`invalid backoff factor ${factor}: use a number of at least 1`);

  // Capping the exponent first keeps factor ** attempt from overflowing to Infinity.
  const exponential = initial * factor ** Math.min(Math.max(attempt, 0), 64);
  const capped = Math.min(max, exponential);

  switch (options.jitter ?? 'full') {
    case 'none':
      return capped;
    case 'equal':
      return capped / 2 + random() * (capped / 2);
    case 'full':
      return random() * capped;
  }
}

/** Counts attempts and hands out the next delay; `reset()` after a connection succeeds. */
export class Backoff {
  readonly #options: BackoffOptions;
  #attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.#options = options;
    backoffDelay(0, options);
  }

  /** Attempts made since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  next(): number {
    return backoffDelay(this.#attempt++, this.#options);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
