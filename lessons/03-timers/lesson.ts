/**
 * Lesson 03: timers and recurring timers.
 *
 * Run it:     npm run lesson 03
 * Slow down:  npm run lesson 03 -- --speed 0.5      Step:  npm run lesson 03 -- --step
 *
 * Watch for three things:
 * 1. "loop start" prints first, although it is the last line of the script.
 * 2. At the 3-second mark the one-shot timer fires before the third tick.
 * 3. In a real-time run the stamps creep past whole seconds: each tick is scheduled from the
 *    moment the previous one ran, so small delays add up (interval drift).
 */

import { log, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const TIMEOUT_MS = 3000;
const TICK_INTERVAL_MS = 1000;
const MAX_TICKS = 5;

// A one-shot timer: its callback runs once, about 3 seconds from now.
setTimeout(() => {
  log(t.timeoutFired(TIMEOUT_MS));
}, TIMEOUT_MS);

// A recurring timer: its callback runs every second until clearInterval stops it.
let ticks = 0;
const interval = setInterval(() => {
  ticks++;
  log(t.tick(ticks, MAX_TICKS));

  if (ticks === MAX_TICKS) {
    clearInterval(interval);
    log(t.intervalStopped(MAX_TICKS));
  }
}, TICK_INTERVAL_MS);

// Setting a timer does not wait for it. This line runs right away, and only after the whole
// script has finished does the event loop start running timer callbacks.
log(t.loopStart);

// Why the timeout wins at 3 s: both callbacks are due at 3000 ms, but the timeout was scheduled
// at 0 ms, while the third tick was scheduled when the second tick ran, at 2000 ms or a little
// later. Node runs timers that are due at the same moment in the order they were scheduled.
