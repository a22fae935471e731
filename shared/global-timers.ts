// Puts a Clock behind Node's own timer functions, so lesson code written with plain setTimeout,
// setInterval, `node:timers/promises`, performance.now() and Date.now() runs on scaled or virtual
// time without knowing it. Node-only: the lesson runner and the exercise checker use it.

import { createRequire, syncBuiltinESMExports } from 'node:module';

import { VirtualClock, type VirtualTimer } from './clock.ts';

const require = createRequire(import.meta.url);
const timersModule = require('node:timers') as typeof import('node:timers');
const timersPromisesModule =
  require('node:timers/promises') as typeof import('node:timers/promises');

const original = {
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  clearTimeout: globalThis.clearTimeout,
  clearInterval: globalThis.clearInterval,
  promisesSetTimeout: timersPromisesModule.setTimeout,
  promisesSetInterval: timersPromisesModule.setInterval,
  performanceNow: performance.now.bind(performance),
  dateNow: Date.now,
};

type Callback = (...args: unknown[]) => void;

/** The object a virtual setTimeout returns: enough of Node's Timeout for libraries that unref it. */
class VirtualTimeout {
  readonly #timer: VirtualTimer;

  constructor(timer: VirtualTimer) {
    this.#timer = timer;
  }

  cancel(): void {
    this.#timer.cancel();
  }

  ref(): this {
    this.#timer.referenced = true;
    return this;
  }

  unref(): this {
    this.#timer.referenced = false;
    return this;
  }

  hasRef(): boolean {
    return this.#timer.referenced;
  }

  refresh(): this {
    return this;
  }

  close(): this {
    this.#timer.cancel();
    return this;
  }

  [Symbol.toPrimitive](): number {
    return this.#timer.id;
  }

  [Symbol.dispose](): void {
    this.#timer.cancel();
  }
}

export interface InstalledTimers {
  /** Puts Node's own timer functions back. */
  restore(): void;
}

function patch(values: {
  setTimeout: unknown;
  setInterval: unknown;
  clearTimeout: unknown;
  clearInterval: unknown;
  promisesSetTimeout: unknown;
  promisesSetInterval: unknown;
  performanceNow: () => number;
  dateNow: () => number;
}): void {
  const globals = globalThis as Record<string, unknown>;
  const timers = timersModule as unknown as Record<string, unknown>;
  const promises = timersPromisesModule as unknown as Record<string, unknown>;
  for (const name of ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] as const) {
    globals[name] = values[name];
    timers[name] = values[name];
  }
  promises.setTimeout = values.promisesSetTimeout;
  promises.setInterval = values.promisesSetInterval;
  performance.now = values.performanceNow;
  Date.now = values.dateNow;

  // Built-in ES modules keep a copy of their exports; this refreshes `import { setTimeout } from
  // 'node:timers/promises'` in modules imported after this point.
  syncBuiltinESMExports();
}

/**
 * Scales every timer by `speed` (2 halves each delay) and makes performance.now() and Date.now()
 * report lesson time, so printed durations mean the same at any speed.
 */
export function installScaledTimers(speed: number): InstalledTimers {
  const startedAt = original.performanceNow();
  const epochAtStart = original.dateNow();
  const lessonNow = () => (original.performanceNow() - startedAt) * speed;

  // Node's timer clock counts whole milliseconds, so a timer can fire up to 1 ms before its delay
  // as performance.now() measures it. Scaled by 10 that would print a 3000 ms timer at +2990ms;
  // one extra real millisecond keeps every scaled timer from firing early.
  const scale = (delay: unknown) => {
    const ms = Number(delay);
    return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / speed) + 1 : ms;
  };

  patch({
    setTimeout: (callback: Callback, delay = 0, ...args: unknown[]) =>
      original.setTimeout(callback, scale(delay), ...args),
    setInterval: (callback: Callback, delay = 0, ...args: unknown[]) =>
      original.setInterval(callback, scale(delay), ...args),
    clearTimeout: original.clearTimeout,
    clearInterval: original.clearInterval,
    promisesSetTimeout: (delay = 0, ...rest: unknown[]) =>
      (original.promisesSetTimeout as (...args: unknown[]) => unknown)(scale(delay), ...rest),
    promisesSetInterval: (delay = 0, ...rest: unknown[]) =>
      (original.promisesSetInterval as (...args: unknown[]) => unknown)(scale(delay), ...rest),
    performanceNow: () => startedAt + lessonNow(),
    dateNow: () => Math.floor(epochAtStart + lessonNow()),
  });
  return { restore: () => patch(original) };
}

/** Routes every timer through `clock`; time moves only when the clock's driver runs the next timer. */
export function installVirtualTimers(clock: VirtualClock): InstalledTimers {
  const performanceAtStart = original.performanceNow();
  const epochAtStart = original.dateNow();

  const clear = (timer: unknown) => {
    if (timer instanceof VirtualTimeout) timer.cancel();
    else original.clearTimeout(timer as Parameters<typeof clearTimeout>[0]);
  };

  const promisesSetTimeout = (delay = 1, value?: unknown, options: { signal?: AbortSignal } = {}) =>
    new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(signal.reason);
      const timer = clock.setTimeout(() => resolve(value), Number(delay));
      signal?.addEventListener('abort', () => {
        timer.cancel();
        reject(signal.reason);
      });
    });

  async function* promisesSetInterval(delay = 1, value?: unknown) {
    let ready: (() => void) | undefined;
    let ticks = 0;
    const timer = clock.setInterval(() => {
      ticks++;
      ready?.();
    }, Number(delay));
    try {
      for (;;) {
        if (ticks === 0) await new Promise<void>((resolve) => (ready = resolve));
        ticks--;
        yield value;
      }
    } finally {
      timer.cancel();
    }
  }

  patch({
    setTimeout: (callback: Callback, delay = 1, ...args: unknown[]) =>
      new VirtualTimeout(clock.setTimeout(() => callback(...args), Number(delay))),
    setInterval: (callback: Callback, delay = 1, ...args: unknown[]) =>
      new VirtualTimeout(clock.setInterval(() => callback(...args), Number(delay))),
    clearTimeout: clear,
    clearInterval: clear,
    promisesSetTimeout,
    promisesSetInterval,
    performanceNow: () => performanceAtStart + clock.now(),
    dateNow: () => Math.floor(epochAtStart + clock.now()),
  });
  return { restore: () => patch(original) };
}

/**
 * Lets the event loop drain what the last timer started (promise callbacks, process.nextTick,
 * setImmediate chains) before the next virtual timer runs, as Node does between real timers.
 */
export async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs the virtual clock's timers one at a time until none is pending, settling the event loop
 * between them. `beforeEach` may delay a timer (the presenter's Enter key in step mode).
 */
export async function driveVirtualClock(
  clock: VirtualClock,
  beforeEach?: (dueAt: number) => Promise<void>,
): Promise<void> {
  await settle();
  while (clock.hasPendingTimers()) {
    if (beforeEach) await beforeEach(clock.nextDueAt()!);
    clock.runNext();
    await settle();
  }
}
