// Check of exercise 11/backoff: compares the student's backoffDelay with the formula for many
// attempts, option sets and random values drawn from a seeded generator, so every run checks the
// same cases and a formula without jitter, without the cap or with another growth cannot pass.

import { pick } from '../../../../shared/i18n.ts';
import type { Check } from '../../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type BackoffModule = typeof import('./pristine/backoff.ts');

const SEED = 0x5eed;

/** Mulberry32: a small seeded generator of numbers in [0, 1), the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const OPTION_SETS = [
  { initialDelayMs: 500, maxDelayMs: 30_000 },
  { initialDelayMs: 100, maxDelayMs: 5_000 },
  { initialDelayMs: 1_000, maxDelayMs: 1_000 },
];

// Small attempts show the growth, 20 and 1100 the cap (2 ** 1100 is Infinity in a double).
const ATTEMPTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 1100];

// Both ends of the random range, plus seeded values in between.
const FIXED_RANDOM_VALUES = [0, 0.999_999];

/** Allows for rounding when the student multiplies in another order. */
function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, expected);
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { backoffDelay } = await context.importFile<BackoffModule>('backoff.ts');
  const random = seededRandom(SEED);

  for (const options of OPTION_SETS) {
    for (const attempt of ATTEMPTS) {
      const values = [...FIXED_RANDOM_VALUES, random(), random()];
      for (const value of values) {
        const expected =
          value * Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** attempt);
        const actual = backoffDelay(attempt, { ...options, random: () => value });
        if (typeof actual !== 'number' || !closeTo(actual, expected)) {
          const call = `backoffDelay(${attempt}, { initialDelayMs: ${options.initialDelayMs}, maxDelayMs: ${options.maxDelayMs}, random: () => ${value} })`;
          return { ok: false, problem: t.wrongDelay(call, String(actual), String(expected)) };
        }
      }
    }
  }
  return { ok: true };
};

export default check;
