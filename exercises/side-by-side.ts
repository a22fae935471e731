// Terminal column widths (East Asian Width: a CJK character or an emoji takes two columns) and
// the side-by-side view of expected and actual output that verify prints for output exercises.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Code point ranges that terminals draw two columns wide: Hangul Jamo, CJK symbols and
// punctuation, kana, CJK ideographs, Hangul syllables, compatibility ideographs, vertical and
// fullwidth forms, and the emoji blocks (Unicode East Asian Width W and F).
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F/u;

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Returns how many terminal columns one grapheme cluster takes: 0, 1 or 2. */
function graphemeWidth(grapheme: string): number {
  if (EMOJI_PRESENTATION.test(grapheme)) return 2;
  const first = grapheme.codePointAt(0)!;
  if (ZERO_WIDTH.test(String.fromCodePoint(first))) return 0;
  return isWide(first) ? 2 : 1;
}

/** Returns how many terminal columns `text` takes, counting wide characters as two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Pads `text` with spaces to `width` columns, cutting it with `…` when it is wider. */
export function fitToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text + ' '.repeat(width - displayWidth(text));

  let fitted = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const next = graphemeWidth(segment);
    if (used + next > width - 1) break;
    fitted += segment;
    used += next;
  }
  return fitted + '…' + ' '.repeat(width - 1 - used);
}

/** Index of the first line where the transcripts differ, or -1 when they are equal. */
export function firstDifference(expected: string[], actual: string[]): number {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) if (expected[index] !== actual[index]) return index;
  return -1;
}

export interface SideBySideOptions {
  expectedHeading: string;
  actualHeading: string;
  /** Shown in a column that has no line at this position. */
  missingLine: string;
  /** Total width of the view in terminal columns. */
  width: number;
  /** Equal lines shown above the first difference (default 3). */
  contextLines?: number;
}

/**
 * Renders the lines up to and including the first difference in two columns, the differing
 * row marked with `>`. Returns no lines when the transcripts are equal.
 */
export function renderSideBySide(
  expected: string[],
  actual: string[],
  options: SideBySideOptions,
): string[] {
  const index = firstDifference(expected, actual);
  if (index === -1) return [];

  const first = Math.max(0, index - (options.contextLines ?? 3));
  const rows: Array<[string, string]> = [];
  for (let row = first; row <= index; row++)
    rows.push([expected[row] ?? options.missingLine, actual[row] ?? options.missingLine]);

  // Two columns split what remains after the marker ("> ") and the divider (" │ ").
  const available = Math.max(20, options.width - 5);
  const widest = Math.max(
    displayWidth(options.expectedHeading),
    ...rows.map(([left]) => displayWidth(left)),
  );
  const leftWidth = Math.min(widest, Math.floor(available / 2));
  const rightWidth = available - leftWidth;

  const render = (marker: string, left: string, right: string) =>
    `${marker}${fitToWidth(left, leftWidth)} │ ${fitToWidth(right, rightWidth)}`.trimEnd();
  return [
    render('  ', options.expectedHeading, options.actualHeading),
    ...rows.map(([left, right], offset) =>
      render(first + offset === index ? '> ' : '  ', left, right),
    ),
  ];
}
