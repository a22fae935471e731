// Neutralises text from other chat users before the terminal client prints it. A received message
// or username could otherwise carry terminal escape sequences (ESC, CSI, OSC: move the cursor,
// rewrite earlier lines, set the window title), control characters or bidirectional overrides that
// make one line look like another. Each such character is printed as a visible escape instead.

// C0 controls, DEL and C1 controls (U+009B is the one-byte CSI), line and paragraph separators,
// and the bidirectional marks, embeddings, overrides and isolates.
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// `String.prototype.toWellFormed` does the same but is not in the ES2023 library this repo targets.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Returns `text` with every unsafe character replaced by a visible escape such as `\x1b` or
 * `\u202e`, and every lone surrogate replaced by U+FFFD.
 */
export function neutraliseTerminalText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(UNSAFE_CHARACTER, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
