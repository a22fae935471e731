// Exercise 12: validate chat messages by what a reader sees as characters.
// Check your work: npm run verify 12      Stuck? npm run hint 12

/** Result of validateMessage: the trimmed text, or why it was rejected and how long it was. */
export type MessageValidation =
  | { ok: true; value: string }
  | { ok: false; code: 'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG'; graphemes: number };

/** Returns how many user-perceived characters (extended grapheme clusters) `text` contains. */
export function countGraphemes(text: string): number {
  // EXERCISE: `length` counts UTF-16 code units: 2 for 😀, 11 for 👨‍👩‍👧‍👦.
  // Count grapheme clusters instead (Intl.Segmenter with granularity 'grapheme').
  return text.length;
}

/**
 * Trims `raw`, then rejects an empty result (MESSAGE_EMPTY, graphemes 0) and a result longer than
 * `maxGraphemes` graphemes (MESSAGE_TOO_LONG, with its grapheme count).
 */
export function validateMessage(raw: string, maxGraphemes: number): MessageValidation {
  // EXERCISE: trim first, reject an empty message, and measure with countGraphemes.
  if (raw.length > maxGraphemes)
    return { ok: false, code: 'MESSAGE_TOO_LONG', graphemes: raw.length };
  return { ok: true, value: raw };
}
