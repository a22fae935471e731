// Exercise 11/backoff: how long a reconnecting client waits before retry number `attempt`.
// Check your work: npm run verify 11/backoff      Stuck? npm run hint 11/backoff

export interface BackoffOptions {
  /** Delay before the first retry (attempt 0), in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of any delay, in milliseconds. */
  maxDelayMs: number;
  /** Source of randomness in [0, 1); tests pass a seeded one. */
  random: () => number;
}

/**
 * Returns the delay before retry number `attempt` (0, 1, 2 …): initialDelayMs doubled per
 * attempt, capped at maxDelayMs, then scaled by random() (full jitter).
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  // EXERCISE: grow the delay exponentially with `attempt`, cap it at options.maxDelayMs, and
  // multiply by options.random() so that clients spread out.
  return options.initialDelayMs;
}
