// Check of exercise 01: writes two files, calls loadGreeting on each and records the order of
// "returned" and "done". A non-blocking read returns first and delivers the
// text later; readFileSync is also watched, so a read that only delays `done` cannot pass.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { pick } from '../../../shared/i18n.ts';
import { compareOutput, type Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type GreetingModule = typeof import('./pristine/load-greeting.ts');

const WAIT_LIMIT_MS = 5_000;

// Two files with different content, so that done cannot be called with a fixed text.
const GREETINGS = ['おはようございます', 'good evening 🌙'];

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { loadGreeting } = await context.importFile<GreetingModule>('load-greeting.ts');

  // Counting readFileSync calls: the patched function replaces the built-in for every importer,
  // including the student's `import { readFileSync }`. It is patched after the import, because
  // loading a TypeScript file reads it with readFileSync too.
  const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const originalReadFileSync = fs.readFileSync;
  let syncReads = 0;
  fs.readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    syncReads++;
    return originalReadFileSync(...args);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();

  const folder = mkdtempSync(path.join(os.tmpdir(), 'loopchat-01-'));
  try {
    const expected: string[] = [];
    const actual: string[] = [];
    for (const [index, greeting] of GREETINGS.entries()) {
      const file = path.join(folder, `greeting-${index}.txt`);
      writeFileSync(file, greeting);
      expected.push(t.called, t.returned, t.done(JSON.stringify(greeting)));

      actual.push(t.called);
      const delivered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`done was not called within ${WAIT_LIMIT_MS} ms`)),
          WAIT_LIMIT_MS,
        );
        loadGreeting(file, (text) => {
          actual.push(t.done(JSON.stringify(text)));
          clearTimeout(timer);
          resolve();
        });
      });
      actual.push(t.returned);
      await delivered;
    }

    const transcript = compareOutput(expected, actual);
    if (!transcript.ok) return transcript;
    if (syncReads > 0) return { ok: false, problem: t.usedSync(syncReads) };
    return { ok: true };
  } finally {
    fs.readFileSync = originalReadFileSync;
    syncBuiltinESMExports();
    rmSync(folder, { recursive: true, force: true });
  }
};

export default check;
