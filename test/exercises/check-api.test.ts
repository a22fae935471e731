// describeError: the one-line report verify prints when the student's file fails to load or
// throws. A transform error of esbuild, as tsx rethrows it or as esbuild throws it, names the
// file, line, column and reason. Every other error keeps the first line of its message.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { describeError } from '../../exercises/check-api.ts';
import { REPO_ROOT } from '../support/run-lesson.ts';

const TICKER = path.join(REPO_ROOT, 'lessons', '03-timers', 'exercise', 'ticker.ts');
const TICKER_FROM_ROOT = path.join('lessons', '03-timers', 'exercise', 'ticker.ts');

/** Builds an error shaped like the one tsx throws: esbuild's message, renamed, without `errors`. */
function tsxTransformError(message: string): Error {
  const error = new Error(message);
  error.name = 'TransformError';
  return error;
}

/** Builds an error shaped like the one esbuild's transform API throws, with its `errors` array. */
function esbuildError(errors: unknown[]): Error {
  const error = new Error(`Transform failed with ${errors.length} error(s):\n(details)`);
  return Object.assign(error, { errors, warnings: [] });
}

describe('describeError', () => {
  describe('transform errors', () => {
    it('reports a tsx error repository-relative', () => {
      const error = tsxTransformError(
        `Transform failed with 1 error:\n${TICKER}:24:0: ERROR: Unexpected end of file`,
      );
      expect(describeError(error)).toBe(
        `TransformError: ${TICKER_FROM_ROOT}:24:1: Unexpected end of file`,
      );
    });

    it('reports only the first of several errors', () => {
      const error = tsxTransformError(
        [
          'Transform failed with 2 errors:',
          `${TICKER}:3:10: ERROR: Expected ")" but found ";"`,
          `${TICKER}:9:0: ERROR: Unexpected "}"`,
        ].join('\n'),
      );
      expect(describeError(error)).toBe(
        `TransformError: ${TICKER_FROM_ROOT}:3:11: Expected ")" but found ";"`,
      );
    });

    it('keeps the absolute path of a file outside the repository', () => {
      const outside = path.join(path.parse(REPO_ROOT).root, 'tmp', 'try', 'ticker.ts');
      const error = tsxTransformError(
        `Transform failed with 1 error:\n${outside}:1:4: ERROR: Expected identifier but found "("`,
      );
      expect(describeError(error)).toBe(
        `TransformError: ${outside}:1:5: Expected identifier but found "("`,
      );
    });

    it('reads a file URL with a query as its path', () => {
      const url = `${pathToFileURL(TICKER).href}?tsx-namespace=1`;
      const error = tsxTransformError(
        `Transform failed with 1 error:\n${url}:2:7: ERROR: Unterminated string literal`,
      );
      expect(describeError(error)).toBe(
        `TransformError: ${TICKER_FROM_ROOT}:2:8: Unterminated string literal`,
      );
    });

    it('reads the location from esbuild’s errors array', () => {
      const error = esbuildError([
        { text: 'Unexpected end of file', location: { file: TICKER, line: 24, column: 0 } },
        { text: 'second error', location: { file: TICKER, line: 30, column: 2 } },
      ]);
      expect(describeError(error)).toBe(`Error: ${TICKER_FROM_ROOT}:24:1: Unexpected end of file`);
    });

    it('reports the text of an error without a location', () => {
      const error = esbuildError([{ text: 'Invalid loader value: "tsz"', location: null }]);
      expect(describeError(error)).toBe('Error: Invalid loader value: "tsz"');
    });

    it('reports a message line without a location', () => {
      const error = tsxTransformError('Transform failed with 1 error:\nerror: Invalid option');
      expect(describeError(error)).toBe('TransformError: Invalid option');
    });
  });

  describe('other errors', () => {
    it.each<[unknown, string]>([
      [
        new TypeError('onTick is not a function\n    at startTicker'),
        'TypeError: onTick is not a function',
      ],
      [new SyntaxError("Unexpected token '}'"), "SyntaxError: Unexpected token '}'"],
      ['boom\nsecond line', 'boom'],
      [42, '42'],
    ])('keeps the first line of %s', (error, expected) => {
      expect(describeError(error)).toBe(expected);
    });
  });
});
