// Exercise 01: read a file without blocking the event loop.
// Check your work: npm run verify 01      Stuck? npm run hint 01

import { readFileSync } from 'node:fs';

/** Reads the UTF-8 text file at `file` and passes its text to `done`, without blocking. */
export function loadGreeting(file: string, done: (text: string) => void): void {
  // EXERCISE: readFileSync blocks the event loop until the whole file is read.
  // Use readFile from node:fs instead, and call done from its callback.
  const text = readFileSync(file, 'utf8');
  done(text);
}
