// Lays out the lesson's result table in columns that line up in a terminal, also when a label
// is Japanese: a full-width character takes two columns, so padding counts columns, not characters.

// Hiragana, katakana, CJK ideographs, full-width forms and the CJK punctuation block.
const WIDE_CHARACTER =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Returns how many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Formats rows as lines: the first column left-aligned, the others right-aligned. */
export function formatTable(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach(
      (cell, column) => (widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell))),
    );
  }

  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? padEnd(cell, widths[0]!) : padStart(cell, widths[column]!),
      )
      .join('  '),
  );
}
