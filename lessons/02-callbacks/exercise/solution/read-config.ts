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
    if (error) return callback(error);

    // Only JSON.parse is inside try: an exception thrown by the callback itself must not be
    // caught here, or the callback would run a second time with its own error.
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (parseError) {
      return callback(parseError as Error);
    }
    callback(null, config);
  });
}
