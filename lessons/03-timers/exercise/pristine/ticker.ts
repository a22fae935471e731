// Exercise 03: stop a recurring timer after a given number of ticks.
// Check your work: npm run verify 03      Stuck? npm run hint 03

/**
 * Calls `onTick(1)`, `onTick(2)` … every `intervalMs` milliseconds and stops after `maxTicks`
 * ticks, so that no timer keeps the process alive. Returns the timer so a caller can stop it early.
 */
export function startTicker(
  maxTicks: number,
  intervalMs: number,
  onTick: (tick: number) => void,
): NodeJS.Timeout {
  let ticks = 0;
  const interval = setInterval(() => {
    ticks++;
    onTick(ticks);

    // EXERCISE: after tick number maxTicks, stop the recurring timer with clearInterval.
  }, intervalMs);
  return interval;
}
