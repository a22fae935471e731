// Exercise 01: read a file without blocking the event loop.
// Check your work: npm run verify 01      Stuck? npm run hint 01

import { readFile } from 'node:fs';

/** Reads the UTF-8 text file at `file` and passes its text to `done`, without blocking. */
export function loadGreeting(file: string, done: (text: string) => void): void {
  // readFile hands the read to libuv's thread pool and returns at once; the callback runs
  // later, from the event loop, when the data is there.
  readFile(file, 'utf8', (error, text) => {
    if (error) throw error;
    done(text);
  });
}
