// The frame printer of the chat lessons (09–12): with normalised output it hides exactly the
// values that change from run to run, and without it prints frames unchanged.

import { afterEach, describe, expect, it } from 'vitest';

import { configureLesson } from '../../shared/lesson.ts';
import { showFrame } from '../../shared/lesson-chat.ts';

function useOutput(normalise: boolean): void {
  configureLesson({
    language: 'en',
    timestamps: true,
    normalise,
    virtualTime: false,
    options: {},
    write: () => {},
  });
}

const MESSAGE =
  '{"type":"message","seq":3,"username":"guest-4821","message":"guest-12 at 1700000000","timestamp":1700000000}';
const HISTORY = '{"type":"history","epoch":"0b7c1e2a-9f4d-4c55-8c1e-3d2f7a9b6e10","messages":[]}';

describe('showFrame', () => {
  afterEach(() => useOutput(false));

  it('hides timestamp and guest digits', () => {
    useOutput(true);
    expect(showFrame(MESSAGE)).toBe(
      '{"type":"message","seq":3,"username":"guest-....","message":"guest-12 at 1700000000","timestamp":....}',
    );
  });

  it('hides the epoch', () => {
    useOutput(true);
    expect(showFrame(HISTORY)).toBe('{"type":"history","epoch":"....","messages":[]}');
  });

  it('keeps frames when not normalised', () => {
    useOutput(false);
    expect(showFrame(MESSAGE)).toBe(MESSAGE);
    expect(showFrame(HISTORY)).toBe(HISTORY);
  });
});
