// Check of exercise 03: runs the student's ticker on a virtual clock with two different tick
// counts and intervals, and compares the transcript (when each tick ran, what is left pending)
// with what a ticker that stops after maxTicks produces.

import { VirtualClock } from '../../../shared/clock.ts';
import { installVirtualTimers } from '../../../shared/global-timers.ts';
import { pick } from '../../../shared/i18n.ts';
import { compareOutput, type Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type TickerModule = typeof import('./pristine/ticker.ts');

// Two runs so that a ticker with a hard-coded count or interval cannot match both.
const RUNS = [
  { maxTicks: 3, intervalMs: 1000 },
  { maxTicks: 7, intervalMs: 250 },
];

// How long past the last expected tick the clock keeps running, in intervals: long enough to see
// ticks that should not happen.
const EXTRA_INTERVALS = 3;

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { startTicker } = await context.importFile<TickerModule>('ticker.ts');

  const expected: string[] = [];
  const actual: string[] = [];
  for (const { maxTicks, intervalMs } of RUNS) {
    expected.push(t.run(maxTicks, intervalMs));
    for (let tick = 1; tick <= maxTicks; tick++) expected.push(t.tick(tick * intervalMs, tick));
    expected.push(t.pending(0));

    const clock = new VirtualClock();
    const timers = installVirtualTimers(clock);
    try {
      actual.push(t.run(maxTicks, intervalMs));
      startTicker(maxTicks, intervalMs, (tick) => actual.push(t.tick(clock.now(), tick)));
      clock.advanceBy(intervalMs * (maxTicks + EXTRA_INTERVALS));
      actual.push(t.pending(clock.pendingCount()));
    } finally {
      timers.restore();
    }
  }

  const transcript = compareOutput(expected, actual);
  if (!transcript.ok) return transcript;

  // The returned timer must still be the live one: clearing it after one tick stops the ticks.
  const clock = new VirtualClock();
  const timers = installVirtualTimers(clock);
  try {
    let ticks = 0;
    const timer = startTicker(5, 100, () => ticks++);
    clock.advanceBy(100);
    clearInterval(timer);
    clock.advanceBy(1000);
    if (ticks !== 1) return { ok: false, problem: t.notStoppedEarly };
  } finally {
    timers.restore();
  }
  return { ok: true };
};

export default check;
