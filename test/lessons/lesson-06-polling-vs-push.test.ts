// Lesson 06's helpers: the column layout of its result table and its message catalogue.

import { describe, expect, it } from 'vitest';

import { messages } from '../../lessons/06-polling-vs-push/messages.ts';
import { displayWidth, formatTable } from '../../lessons/06-polling-vs-push/table.ts';
import { checkCatalogue } from '../../shared/i18n.ts';

describe('lesson 06', () => {
  describe('displayWidth', () => {
    it.each([
      ['polling', 7],
      ['ポーリング', 10],
      ['HTTP リクエスト数', 17],
      ['', 0],
    ])('counts %j as %i columns', (text, width) => {
      expect(displayWidth(text)).toBe(width);
    });
  });

  describe('formatTable', () => {
    it('aligns Japanese labels by columns', () => {
      const lines = formatTable([
        ['ポーリング', '3'],
        ['WebSocket', '12'],
      ]);
      expect(lines).toEqual(['ポーリング   3', 'WebSocket   12']);
    });
  });

  describe('messages', () => {
    it('has the same non-empty keys in both languages', () => {
      expect(checkCatalogue(messages)).toEqual([]);
    });
  });
});
