// Check of exercise 11/resume: a table of history buffers and last seen sequence numbers covering
// the usual catch-up, a client that is up to date, a new client, an empty history, and gaps.

import { pick } from '../../../../shared/i18n.ts';
import type { Check } from '../../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type ResumeModule = typeof import('./pristine/resume.ts');
type ResumeResult = ReturnType<ResumeModule['missedMessages']>;

/** A history buffer holding the messages numbered `first` to `last`. */
function historyOf(first: number, last: number) {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => ({
    seq: first + index,
    text: `message ${first + index}`,
  }));
}

const caughtUp = (first: number, last: number): ResumeResult => ({
  ok: true,
  messages: historyOf(first, last),
});

const CASES: Array<{ history: [number, number]; lastSeen: number; expected: ResumeResult }> = [
  // The usual catch-up: the client missed 8, 9 and 10.
  { history: [1, 10], lastSeen: 7, expected: caughtUp(8, 10) },
  // Up to date: nothing to send.
  { history: [1, 10], lastSeen: 10, expected: caughtUp(1, 0) },
  // A new client (0) with the whole history still kept.
  { history: [1, 5], lastSeen: 0, expected: caughtUp(1, 5) },
  // The buffer dropped 1 to 40, but the client saw up to 45: no gap.
  { history: [41, 60], lastSeen: 45, expected: caughtUp(46, 60) },
  // The client saw 40 and 41 is the oldest kept message: exactly no gap.
  { history: [41, 60], lastSeen: 40, expected: caughtUp(41, 60) },
  // The client saw 30, but 31 to 40 are gone.
  {
    history: [41, 60],
    lastSeen: 30,
    expected: { ok: false, firstMissingSeq: 31, lastMissingSeq: 40 },
  },
  // A new client after the buffer dropped old messages.
  {
    history: [41, 60],
    lastSeen: 0,
    expected: { ok: false, firstMissingSeq: 1, lastMissingSeq: 40 },
  },
  // An empty history: nothing was ever sent, or the server restarted.
  { history: [1, 0], lastSeen: 12, expected: caughtUp(1, 0) },
];

/** JSON with object keys sorted, so the key order of the student's objects does not matter. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { missedMessages } = await context.importFile<ResumeModule>('resume.ts');

  for (const {
    history: [first, last],
    lastSeen,
    expected,
  } of CASES) {
    const history = historyOf(first, last);
    const frozen = Object.freeze(history.map((message) => Object.freeze({ ...message })));
    const actual = missedMessages(frozen, lastSeen);

    const summarise = (result: ResumeResult) =>
      result.ok
        ? `{ ok: true, messages: seq [${result.messages.map((message) => message.seq).join(', ')}] }`
        : `{ ok: false, firstMissingSeq: ${result.firstMissingSeq}, lastMissingSeq: ${result.lastMissingSeq} }`;
    if (canonicalJson(actual) !== canonicalJson(expected)) {
      const range = last < first ? t.emptyHistory : `seq ${first}–${last}`;
      return {
        ok: false,
        problem: t.wrongResult(range, lastSeen, summarise(actual), summarise(expected)),
      };
    }
  }
  return { ok: true };
};

export default check;
