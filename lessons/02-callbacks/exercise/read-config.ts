// Exercise 02: report errors through an error-first callback instead of throwing them.
// Check your work: npm run verify 02      Stuck? npm run hint 02

import { readFile } from 'node:fs';

/**
 * Reads the JSON file at `file`. Calls `callback(null, config)` with the parsed value, or
 * `callback(error)` when the file cannot be read or is not valid JSON, exactly once either way.
 */
export function readConfig(
  file: string,
  callback: (error: Error | null, config?: unknown) => void,
): void {
  readFile(file, 'utf8', (error, text) => {
    // EXERCISE: pass a read error to callback(error) and return. Wrap JSON.parse in try/catch and
    // pass its error to the callback too, so that nothing is thrown from here.
    console.log(`read ${file}:`, error ? error.message : 'ok');
    callback(null, JSON.parse(text));
  });
}
