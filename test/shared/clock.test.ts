import { describe, expect, it } from 'vitest';

import { RealClock, VirtualClock } from '../../shared/clock.ts';

describe('VirtualClock', () => {
  it('runs timers in due order without waiting', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 100);

    expect(clock.runAll()).toBe(2);
    expect(fired).toEqual(['a@100', 'b@200']);
  });

  it('runs timers due together in scheduling order', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('timeout'), 3000);
    const interval = clock.setInterval(() => {
      fired.push(`tick@${clock.now()}`);
      if (clock.now() >= 4000) interval.cancel();
    }, 1000);

    clock.runAll();
    expect(fired).toEqual(['tick@1000', 'tick@2000', 'timeout', 'tick@3000', 'tick@4000']);
  });

  it('skips a cancelled timer', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const handle = clock.setTimeout(() => fired.push(1), 10);
    clock.setTimeout(() => fired.push(2), 20);
    handle.cancel();

    clock.runAll();
    expect(fired).toEqual([2]);
  });

  it('lets an interval cancel itself from its callback', () => {
    const clock = new VirtualClock();
    let ticks = 0;
    const handle = clock.setInterval(() => {
      if (++ticks === 3) handle.cancel();
    }, 5);

    clock.runAll();
    expect(ticks).toBe(3);
    expect(clock.hasPendingTimers()).toBe(false);
  });

  it('clamps delays below 1 ms to 1 ms as Node does', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 0);
    clock.setTimeout(() => fired.push(clock.now()), Number.NaN);

    clock.runAll();
    expect(fired).toEqual([1, 1]);
  });

  it('advances by a fixed amount', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setInterval(() => fired.push(clock.now()), 300);

    clock.advanceBy(1000);
    expect(fired).toEqual([300, 600, 900]);
    expect(clock.now()).toBe(1000);
  });

  it('does not count unreferenced timers as pending', () => {
    const clock = new VirtualClock();
    const timer = clock.setTimeout(() => {}, 50);
    timer.referenced = false;

    expect(clock.hasPendingTimers()).toBe(false);
    expect(clock.runNext()).toBe(false);
  });

  it('stops a runaway interval at the limit', () => {
    const clock = new VirtualClock();
    clock.setInterval(() => {}, 1);
    expect(clock.runAll(50)).toBe(50);
  });

  it('calls onSchedule for each new timer', () => {
    let scheduled = 0;
    const clock = new VirtualClock({ onSchedule: () => scheduled++ });
    clock.setTimeout(() => {}, 1);
    clock.setInterval(() => {}, 1);
    expect(scheduled).toBe(2);
  });
});

describe('RealClock', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects speed %s', (speed) => {
    expect(() => new RealClock(speed)).toThrow(/invalid clock speed/);
  });

  it('fires a scaled timer and reports lesson time', async () => {
    const clock = new RealClock(10);
    const lessonTime = await new Promise<number>((resolve) =>
      clock.setTimeout(() => resolve(clock.now()), 200),
    );
    expect(lessonTime).toBeGreaterThanOrEqual(200 - 10);
  });

  it('cancels a timer', async () => {
    const clock = new RealClock();
    let fired = false;
    clock.setTimeout(() => (fired = true), 1).cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });
});
