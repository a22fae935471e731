// The helper lesson 05 uses for its two main-module lines whose order Node does not fix: a normal
// run prints them as they come, a normalised (--deterministic) run prints them sorted.

import { describe, expect, it } from 'vitest';

import { configureLesson, logInEitherOrder } from '../../shared/lesson.ts';

/** Configures the lesson output to collect lines, and returns them. */
function collectOutput(normalise: boolean): string[] {
  const lines: string[] = [];
  configureLesson({
    language: 'en',
    timestamps: false,
    normalise,
    virtualTime: false,
    options: {},
    write: (line) => lines.push(line),
  });
  return lines;
}

describe('logInEitherOrder', () => {
  it('prints lines as they come in a normal run', () => {
    const lines = collectOutput(false);
    const logRace = logInEitherOrder(2);

    logRace('[timers] b');
    expect(lines).toEqual(['[timers] b']);
    logRace('[check] a');
    expect(lines).toEqual(['[timers] b', '[check] a']);
  });

  it('buffers and sorts lines in a normalised run', () => {
    const lines = collectOutput(true);
    const logRace = logInEitherOrder(2);

    logRace('[timers] b');
    expect(lines).toEqual([]);
    logRace('[check] a');
    expect(lines).toEqual(['[check] a', '[timers] b']);
  });

  it.each([false, true])('runs afterLast once, after the last line (normalise %s)', (normalise) => {
    const lines = collectOutput(normalise);
    let calls = 0;
    const logRace = logInEitherOrder(2, () => {
      calls++;
      lines.push('after');
    });

    logRace('second');
    expect(calls).toBe(0);
    logRace('first');
    expect(calls).toBe(1);
    expect(lines.at(-1)).toBe('after');
    expect(lines).toHaveLength(3);
  });
});
