// Exercise 12: validate chat messages by what a reader sees as characters.
// Check your work: npm run verify 12      Stuck? npm run hint 12

/** Result of validateMessage: the trimmed text, or why it was rejected and how long it was. */
export type MessageValidation =
  | { ok: true; value: string }
  | { ok: false; code: 'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG'; graphemes: number };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Returns how many user-perceived characters (extended grapheme clusters) `text` contains. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _segment of segmenter.segment(text)) count++;
  return count;
}

/**
 * Trims `raw`, then rejects an empty result (MESSAGE_EMPTY, graphemes 0) and a result longer than
 * `maxGraphemes` graphemes (MESSAGE_TOO_LONG, with its grapheme count).
 */
export function validateMessage(raw: string, maxGraphemes: number): MessageValidation {
  const value = raw.trim();
  if (value === '') return { ok: false, code: 'MESSAGE_EMPTY', graphemes: 0 };

  const graphemes = countGraphemes(value);
  if (graphemes > maxGraphemes) return { ok: false, code: 'MESSAGE_TOO_LONG', graphemes };
  return { ok: true, value };
}
