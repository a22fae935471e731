// verify --watch checks again after a save, with file events and with polling. Each test makes
// one change, waits for the new result, then stops the child by its PID.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { findExercises, listExercises } from '../../exercises/registry.ts';
import { startCommand, temporaryFolder } from './support.ts';

const [ticker] = findExercises(listExercises(), '03');
const WAIT_LIMIT_MS = 25_000;

/** Resolves with everything printed so far once `text` appears in the output of the child. */
function waitForOutput(
  output: { text: string },
  stream: NodeJS.ReadableStream,
  text: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`"${text}" did not appear within ${WAIT_LIMIT_MS} ms:\n${output.text}`)),
      WAIT_LIMIT_MS,
    );
    const look = () => {
      if (!output.text.includes(text)) return;
      clearTimeout(timer);
      stream.off('data', look);
      resolve(output.text);
    };
    stream.on('data', look);
    look();
  });
}

describe('verify --watch', () => {
  it.each([
    ['file events', []],
    ['polling', ['--poll']],
  ])('checks again after a save (%s)', async (_mode, extra) => {
    const folder = temporaryFolder();
    const file = path.join(folder, 'ticker.ts');
    copyFileSync(path.join(ticker!.directory, 'pristine', 'ticker.ts'), file);

    const child = startCommand('verify', [
      '03',
      '--watch',
      ...extra,
      '--dir',
      folder,
      '--lang',
      'en',
    ]);
    const output = { text: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
    try {
      const first = await waitForOutput(output, child.stdout, 'Ctrl+C stops');
      expect(first).toContain('✗ 03');
      expect(first).toContain(extra.length > 0 ? 'polling every 500 ms' : 'file events');

      writeFileSync(file, readFileSync(path.join(ticker!.directory, 'solution', 'ticker.ts')));
      const second = await waitForOutput(output, child.stdout, 'The exercise is done.');
      expect(second.indexOf('✓ 03')).toBeGreaterThan(second.indexOf('Ctrl+C stops'));
    } finally {
      process.kill(child.pid!, 'SIGTERM');
    }
  });
});
