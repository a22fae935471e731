// Check of exercise 12: a table of texts whose length in graphemes differs from their length in
// UTF-16 code units (emoji, ZWJ sequences, flags, combining marks, Japanese), for both functions.

import { pick } from '../../../shared/i18n.ts';
import type { Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type ValidateModule = typeof import('./pristine/validate.ts');
type Text = typeof messages.en;

const FAMILY = '👨‍👩‍👧‍👦';

/** One text to count: the text itself, how the failure names it, and its grapheme count. */
interface CountCase {
  text: string;
  describe: (t: Text) => string;
  graphemes: number;
}

const quoted = (text: string) => () => JSON.stringify(text);

const COUNT_CASES: CountCase[] = [
  { text: 'hello', describe: quoted('hello'), graphemes: 5 },
  { text: '', describe: quoted(''), graphemes: 0 },
  { text: '😀'.repeat(20), describe: (t) => t.repeated(20, '😀'), graphemes: 20 },
  { text: '山田太郎', describe: quoted('山田太郎'), graphemes: 4 },
  { text: 'さくら', describe: quoted('さくら'), graphemes: 3 },
  // "Amélie" with é written as e + U+0301 COMBINING ACUTE ACCENT.
  { text: 'Ame\u0301lie', describe: () => '"Ame\\u0301lie"', graphemes: 6 },
  // が written as か + U+3099 COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK.
  { text: '\u304b\u3099', describe: () => '"\\u304b\\u3099"', graphemes: 1 },
  { text: FAMILY, describe: quoted(FAMILY), graphemes: 1 },
  { text: FAMILY.repeat(3), describe: (t) => t.repeated(3, FAMILY), graphemes: 3 },
  { text: '🇯🇵🇫🇷', describe: quoted('🇯🇵🇫🇷'), graphemes: 2 },
  { text: '👍🏽 ok', describe: quoted('👍🏽 ok'), graphemes: 4 },
];

type Expected = ReturnType<ValidateModule['validateMessage']>;

/** One call of validateMessage and its exact expected result. */
interface ValidationCase {
  text: string;
  describe: (t: Text) => string;
  max: number;
  expected: Expected;
}

const VALIDATION_CASES: ValidationCase[] = [
  {
    text: '😀'.repeat(20),
    describe: (t) => t.repeated(20, '😀'),
    max: 20,
    expected: { ok: true, value: '😀'.repeat(20) },
  },
  {
    text: '😀'.repeat(21),
    describe: (t) => t.repeated(21, '😀'),
    max: 20,
    expected: { ok: false, code: 'MESSAGE_TOO_LONG', graphemes: 21 },
  },
  {
    text: '  こんにちは  ',
    describe: quoted('  こんにちは  '),
    max: 5,
    expected: { ok: true, value: 'こんにちは' },
  },
  {
    text: 'こんにちは!',
    describe: quoted('こんにちは!'),
    max: 5,
    expected: { ok: false, code: 'MESSAGE_TOO_LONG', graphemes: 6 },
  },
  {
    text: FAMILY.repeat(3),
    describe: (t) => t.repeated(3, FAMILY),
    max: 3,
    expected: { ok: true, value: FAMILY.repeat(3) },
  },
  {
    text: '   \n\t ',
    describe: quoted('   \n\t '),
    max: 10,
    expected: { ok: false, code: 'MESSAGE_EMPTY', graphemes: 0 },
  },
  {
    text: '',
    describe: quoted(''),
    max: 10,
    expected: { ok: false, code: 'MESSAGE_EMPTY', graphemes: 0 },
  },
];

/** JSON with the keys in a fixed order, so that key order in the student's object does not matter. */
function stableJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{ ${entries.map(([key, item]) => `${key}: ${JSON.stringify(item)}`).join(', ')} }`;
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { countGraphemes, validateMessage } =
    await context.importFile<ValidateModule>('validate.ts');

  for (const { text, describe, graphemes } of COUNT_CASES) {
    const actual = countGraphemes(text);
    if (actual !== graphemes)
      return { ok: false, problem: t.wrongCount(describe(t), String(actual), graphemes) };
  }

  for (const { text, describe, max, expected } of VALIDATION_CASES) {
    const actual = stableJson(validateMessage(text, max));
    if (actual !== stableJson(expected)) {
      return {
        ok: false,
        problem: t.wrongValidation(describe(t), max, actual, stableJson(expected)),
      };
    }
  }
  return { ok: true };
};

export default check;
