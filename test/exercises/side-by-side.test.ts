// Column widths for Japanese and emoji, and the side-by-side view of a failed output exercise.

import { describe, expect, it } from 'vitest';

import {
  displayWidth,
  firstDifference,
  fitToWidth,
  renderSideBySide,
} from '../../exercises/side-by-side.ts';

const OPTIONS = {
  expectedHeading: 'expected',
  actualHeading: 'yours',
  missingLine: '(no line)',
  width: 60,
};

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['', 0],
    ['タイマー', 8],
    ['演習: 完了', 10],
    ['ｶﾀｶﾅ', 4],
    ['😀', 2],
    ['👨‍👩‍👧‍👦', 2],
    ['🇯🇵', 2],
    ['e\u0301', 1],
    ['\u304b\u3099', 2],
    ['（完了）', 8],
  ])('measures %j as %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('fitToWidth', () => {
  it('pads Japanese text to the column width', () => {
    expect(fitToWidth('期待', 6)).toBe('期待  ');
  });

  it('cuts a wide character that does not fit and marks the cut', () => {
    const fitted = fitToWidth('あいうえお', 6);
    expect(fitted).toBe('あい… ');
    expect(displayWidth(fitted)).toBe(6);
  });
});

describe('firstDifference', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], -1],
    [['a', 'b'], ['a', 'c'], 1],
    [['a'], ['a', 'b'], 1],
    [['a', 'b'], ['a'], 1],
    [[], ['x'], 0],
  ])('finds the first difference of %j and %j', (expected, actual, index) => {
    expect(firstDifference(expected, actual)).toBe(index);
  });
});

describe('renderSideBySide', () => {
  it('aligns the divider after Japanese lines', () => {
    const lines = renderSideBySide(['tick 1', '保留中のタイマー: 0 個'], ['tick 1', 'tick 2'], {
      ...OPTIONS,
      expectedHeading: '期待する出力',
      actualHeading: 'あなたの結果',
    });

    expect(lines).toEqual([
      '  期待する出力           │ あなたの結果',
      '  tick 1                 │ tick 1',
      '> 保留中のタイマー: 0 個 │ tick 2',
    ]);
    const dividerColumns = lines.map((line) => displayWidth(line.slice(0, line.indexOf('│'))));
    expect(new Set(dividerColumns).size).toBe(1);
  });

  it('shows at most three equal lines before the difference', () => {
    const expected = ['1', '2', '3', '4', '5', '6'];
    const actual = ['1', '2', '3', '4', '5', 'x'];
    const lines = renderSideBySide(expected, actual, OPTIONS);
    expect(lines.slice(1).map((line) => line.slice(0, 3))).toEqual(['  3', '  4', '  5', '> 6']);
  });

  it('shows a missing line when one side is shorter', () => {
    const lines = renderSideBySide(['a', 'b'], ['a'], OPTIONS);
    expect(lines.at(-1)).toBe('> b        │ (no line)');
  });

  it('cuts long lines to the given width', () => {
    const long = 'あ'.repeat(80);
    const lines = renderSideBySide([long], ['b'], OPTIONS);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(OPTIONS.width);
    expect(lines[1]).toContain('…');
  });

  it('renders nothing for equal transcripts', () => {
    expect(renderSideBySide(['a'], ['a'], OPTIONS)).toEqual([]);
  });
});
