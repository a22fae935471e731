// Check of exercise 14, which needs no Redis server. It first tries a table of arrivals: the next
// message, duplicates, gaps that the history fills, a history window that lost messages, and a
// history without the message itself. Then it replays a seeded stream of pub/sub arrivals of 80
// messages with drops, duplicates and swaps.

import { pick } from '../../../shared/i18n.ts';
import type { Check, CheckResult } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type DeliverModule = typeof import('./pristine/deliver.ts');
type ChatMessage = import('./pristine/deliver.ts').ChatMessage;
type Text = typeof messages.en;

interface ArrivalCase {
  lastSeq: number;
  seq: number;
  /** First and last seq of the stored history. A last below the first means an empty history. */
  history: [number, number];
  expected: number[];
}

const range = (first: number, last: number) =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);

const CASES: ArrivalCase[] = [
  // The usual case: the next message.
  { lastSeq: 4, seq: 5, history: [1, 5], expected: [5] },
  // A duplicate of the last delivered message, and a replay of an older one.
  { lastSeq: 5, seq: 5, history: [1, 5], expected: [] },
  { lastSeq: 9, seq: 3, history: [1, 9], expected: [] },
  // Pub/sub dropped 6 and 7: the history has them.
  { lastSeq: 5, seq: 8, history: [1, 8], expected: [6, 7, 8] },
  // More messages were published meanwhile, and delivering them now keeps the order.
  { lastSeq: 5, seq: 8, history: [1, 11], expected: range(6, 11) },
  // The window kept only 21 to 30: 4 to 20 are lost.
  { lastSeq: 3, seq: 30, history: [21, 30], expected: range(21, 30) },
  // A history window of 0: nothing stored, so only the message itself.
  { lastSeq: 5, seq: 7, history: [1, 0], expected: [7] },
  // The first message a new node receives.
  { lastSeq: 0, seq: 1, history: [1, 1], expected: [1] },
];

const STREAM_LENGTH = 80;

function messageOf(seq: number): ChatMessage {
  return { seq, text: `message ${seq}` };
}

function formatSeqs(list: unknown): string {
  if (!Array.isArray(list)) return String(list);
  return `seq [${list.map((item) => (item as ChatMessage | undefined)?.seq).join(', ')}]`;
}

/** True when `actual` is exactly the messages numbered `expected`, with their texts. */
function sameMessages(actual: unknown, expected: number[]): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  return actual.every((item, index) => {
    const message = item as ChatMessage | undefined;
    return message?.seq === expected[index] && message.text === `message ${expected[index]}`;
  });
}

function checkCases(deliver: DeliverModule['messagesToDeliver'], t: Text): CheckResult {
  for (const { lastSeq, seq, history, expected } of CASES) {
    let reads = 0;
    const stored = range(...history).map(messageOf);
    const actual = deliver(lastSeq, messageOf(seq), () => {
      reads++;
      return stored;
    });

    const historyText =
      history[1] < history[0] ? t.emptyHistory : `seq ${history[0]}–${history[1]}`;
    if (!sameMessages(actual, expected))
      return {
        ok: false,
        problem: t.wrongMessages(
          lastSeq,
          seq,
          historyText,
          formatSeqs(actual),
          formatSeqs(expected.map(messageOf)),
        ),
      };
    const gap = seq > lastSeq + 1;
    if (!gap && reads > 0) return { ok: false, problem: t.needlessRead(lastSeq, seq) };
    if (reads > 1) return { ok: false, problem: t.readTwice(lastSeq, seq, reads) };
  }
  return { ok: true };
}

/** A small deterministic generator (mulberry32), so the stream is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Generates the seq of each pub/sub arrival: every message once, some dropped, duplicated or swapped. */
function pubSubArrivals(random: () => number): number[] {
  const arrivals: number[] = [];
  for (let seq = 1; seq <= STREAM_LENGTH; seq++) {
    const roll = random();
    if (roll < 0.15) continue;
    arrivals.push(seq);
    if (roll > 0.9) arrivals.push(seq);
  }
  for (let index = 0; index + 1 < arrivals.length; index++) {
    if (random() < 0.1) {
      [arrivals[index], arrivals[index + 1]] = [arrivals[index + 1]!, arrivals[index]!];
      index++;
    }
  }
  // The last message must arrive, because otherwise the node cannot notice that it missed earlier ones.
  if (arrivals.at(-1) !== STREAM_LENGTH) arrivals.push(STREAM_LENGTH);
  return arrivals;
}

function checkStream(deliver: DeliverModule['messagesToDeliver'], t: Text): CheckResult {
  const arrivals = pubSubArrivals(seededRandom(14));
  const delivered: ChatMessage[] = [];
  let published = 0;

  for (const seq of arrivals) {
    // Redis stores a message before publishing it, so the history has everything published so far.
    published = Math.max(published, seq);
    const history = range(1, published).map(messageOf);
    const lastSeq = delivered.at(-1)?.seq ?? 0;
    const result = deliver(lastSeq, messageOf(seq), () => history);
    if (Array.isArray(result)) delivered.push(...(result as ChatMessage[]));
  }

  const expected = range(1, STREAM_LENGTH);
  if (sameMessages(delivered, expected)) return { ok: true };
  return {
    ok: false,
    problem: t.wrongStream(
      arrivals.length,
      formatSeqs(delivered),
      formatSeqs(expected.map(messageOf)),
    ),
  };
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { messagesToDeliver } = await context.importFile<DeliverModule>('deliver.ts');

  const cases = checkCases(messagesToDeliver, t);
  if (!cases.ok) return cases;
  return checkStream(messagesToDeliver, t);
};

export default check;
