// The safety steps of `npm run reset`: a yes/no question and the name of the backup copy.

import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';

/** Asks a yes/no question; only y, yes or はい (in any case) counts as yes, so Enter means no. */
export async function confirm(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<boolean> {
  const lines = createInterface({ input, output });
  try {
    const answer = await lines.question(question);
    return /^\s*(y|yes|はい)\s*$/i.test(answer);
  } finally {
    lines.close();
  }
}

/**
 * Returns a free backup path beside `file` that sorts by time and is valid on every file system,
 * e.g. `ticker.ts.20250101-093000.bak` (UTC); a second reset in the same second adds `-2`.
 */
export function backupName(file: string, now: Date): string {
  const stamp = now
    .toISOString()
    .slice(0, 19)
    .replaceAll('-', '')
    .replace('T', '-')
    .replaceAll(':', '');
  let candidate = `${file}.${stamp}.bak`;
  for (let copy = 2; existsSync(candidate); copy++) candidate = `${file}.${stamp}-${copy}.bak`;
  return candidate;
}
