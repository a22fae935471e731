import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Backoff, backoffDelay } from '../../shared/backoff.ts';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap without jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) =>
      backoffDelay(attempt, { initialDelayMs: 100, maxDelayMs: 2000, jitter: 'none' }),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });

  it('spreads full jitter over [0, d]', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 10_000, jitter: 'full' as const };
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(400);
  });

  it('keeps equal jitter within [d/2, d]', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 10_000, jitter: 'equal' as const };
    expect(backoffDelay(2, { ...options, random: () => 0 })).toBe(200);
    expect(backoffDelay(2, { ...options, random: () => 0.999 })).toBeCloseTo(399.8);
  });

  it('never exceeds the cap or goes below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('none', 'full', 'equal'),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (attempt, initialDelayMs, maxDelayMs, jitter, value) => {
          const delay = backoffDelay(attempt, {
            initialDelayMs,
            maxDelayMs,
            jitter,
            random: () => value,
          });
          return delay >= 0 && delay <= maxDelayMs && Number.isFinite(delay);
        },
      ),
    );
  });

  it.each([
    [{ initialDelayMs: 0 }, /initialDelayMs 0/],
    [{ maxDelayMs: -5 }, /maxDelayMs -5/],
    [{ factor: 0.5 }, /factor 0.5/],
  ])('rejects %j', (options, message) => {
    expect(() => backoffDelay(0, options)).toThrow(message);
  });

  it('spreads a crowd of clients that lost the same server', () => {
    const delays = Array.from({ length: 1000 }, () =>
      backoffDelay(4, { initialDelayMs: 500, maxDelayMs: 30_000 }),
    );
    const distinctSeconds = new Set(delays.map((delay) => Math.floor(delay / 1000)));
    expect(distinctSeconds.size).toBeGreaterThanOrEqual(7);
  });
});

describe('Backoff', () => {
  it('counts attempts and resets after a success', () => {
    const backoff = new Backoff({ initialDelayMs: 10, jitter: 'none' });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([10, 20, 40]);
    expect(backoff.attempt).toBe(3);

    backoff.reset();
    expect(backoff.next()).toBe(10);
  });
});
