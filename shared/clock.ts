// Clocks for lessons, the chat server and the chat clients: real time, real time scaled by a
// speed factor, and a virtual clock whose time only moves when its owner advances it.
// Browser-safe: uses only globals that browsers and Node share.

/** A cancel handle returned by every timer helper below. */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the clock started, in the clock's own (possibly scaled or virtual) time. */
  now(): number;
  /** Runs `callback` once after `delayMs` of clock time. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Runs `callback` every `intervalMs` of clock time until the handle is cancelled. */
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
}

// Captured at load time so that a clock keeps working after the runner replaces the globals.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const realSetInterval = globalThis.setInterval.bind(globalThis);
const realClearInterval = globalThis.clearInterval.bind(globalThis);
const realPerformanceNow = performance.now.bind(performance);

/**
 * Real time, optionally scaled: at `speed` 10 a 1000 ms timer fires after 100 ms of wall time
 * and `now()` reports lesson time (wall time × speed), so stamps read as if nothing was scaled.
 */
export class RealClock implements Clock {
  readonly speed: number;
  readonly #startedAt = realPerformanceNow();

  constructor(speed = 1) {
    if (!(speed > 0) || !Number.isFinite(speed)) {
      throw new RangeError(`invalid clock speed ${speed}: use a finite number above 0`);
    }
    this.speed = speed;
  }

  now(): number {
    return (realPerformanceNow() - this.#startedAt) * this.speed;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = realSetTimeout(callback, delayMs / this.speed);
    return { cancel: () => realClearTimeout(timer) };
  }

  setInterval(callback: () => void, intervalMs: number): TimerHandle {
    const timer = realSetInterval(callback, intervalMs / this.speed);
    return { cancel: () => realClearInterval(timer) };
  }
}

/** One scheduled callback of a VirtualClock. */
export interface VirtualTimer extends TimerHandle {
  readonly id: number;
  readonly dueAt: number;
  /** An unreferenced timer does not keep `hasPendingTimers()` true, like Node's `timer.unref()`. */
  referenced: boolean;
}

interface TimerEntry extends VirtualTimer {
  dueAt: number;
  order: number;
  intervalMs: number | undefined;
  callback: () => void;
  cancelled: boolean;
}

/**
 * Time that moves only when `runNext()` or `advanceBy()` moves it, so tests and the lesson runner
 * get the same order and the same stamps on every run without waiting.
 *
 * Timers due at the same moment run in the order they were scheduled, as in Node. A recurring
 * timer is rescheduled from the moment it ran. So a 3000 ms timeout set at 0 runs before the
 * third tick of a 1000 ms interval set right after it, because both are due at 3000 and the
 * timeout was scheduled first. Node does the same with real timers.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #nextId = 1;
  #nextOrder = 1;
  #queue: TimerEntry[] = [];
  #onSchedule: (() => void) | undefined;

  /** `onSchedule` runs after every new timer, so a driver can wake up when work appears. */
  constructor(options: { onSchedule?: () => void } = {}) {
    this.#onSchedule = options.onSchedule;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): VirtualTimer {
    return this.#schedule(callback, delayMs, undefined);
  }

  setInterval(callback: () => void, intervalMs: number): VirtualTimer {
    return this.#schedule(callback, intervalMs, intervalMs);
  }

  /** Number of timers still to run, counting only referenced ones. */
  pendingCount(): number {
    return this.#queue.filter((entry) => entry.referenced).length;
  }

  hasPendingTimers(): boolean {
    return this.#queue.some((entry) => entry.referenced);
  }

  /** The moment the next referenced timer is due, or undefined when none is. */
  nextDueAt(): number | undefined {
    return this.#queue.find((entry) => entry.referenced)?.dueAt;
  }

  /**
   * Moves time to the next referenced timer and runs it (with every unreferenced timer due before
   * it). Returns false when no referenced timer is pending.
   */
  runNext(): boolean {
    const next = this.#queue.find((entry) => entry.referenced);
    if (!next) return false;
    while (this.#queue.length > 0 && this.#queue[0] !== next) this.#fire(this.#queue[0]!);
    this.#fire(next);
    return true;
  }

  /** Runs every timer due within the next `ms` milliseconds, then sets the time to now + ms. */
  advanceBy(ms: number): void {
    const target = this.#now + ms;
    while (this.#queue.length > 0 && this.#queue[0]!.dueAt <= target) this.#fire(this.#queue[0]!);
    this.#now = target;
  }

  /** Runs timers until none is left or `limit` have run; the limit stops runaway intervals. */
  runAll(limit = 10_000): number {
    let count = 0;
    while (count < limit && this.runNext()) count++;
    return count;
  }

  #schedule(callback: () => void, delayMs: number, intervalMs: number | undefined): TimerEntry {
    // Node clamps delays below 1 ms (and non-numbers) to 1 ms; doing the same keeps orders equal.
    const delay = Number.isFinite(delayMs) && delayMs >= 1 ? delayMs : 1;
    const entry: TimerEntry = {
      id: this.#nextId++,
      order: 0,
      dueAt: 0,
      intervalMs: intervalMs === undefined ? undefined : delay,
      callback,
      cancelled: false,
      referenced: true,
      cancel: () => {
        entry.cancelled = true;
        this.#queue = this.#queue.filter((other) => other !== entry);
      },
    };
    this.#enqueue(entry, this.#now + delay);
    this.#onSchedule?.();
    return entry;
  }

  #enqueue(entry: TimerEntry, dueAt: number): void {
    entry.dueAt = dueAt;
    entry.order = this.#nextOrder++;
    let index = this.#queue.length;
    while (index > 0) {
      const before = this.#queue[index - 1]!;
      if (before.dueAt < dueAt || (before.dueAt === dueAt && before.order < entry.order)) break;
      index--;
    }
    this.#queue.splice(index, 0, entry);
  }

  #fire(entry: TimerEntry): void {
    this.#queue.shift();
    this.#now = Math.max(this.#now, entry.dueAt);
    if (entry.intervalMs !== undefined) this.#enqueue(entry, this.#now + entry.intervalMs);
    entry.callback();
  }
}
