// `npm run protocol:doc`: rewrites the generated tables of chat/PROTOCOL.md from the typed
// protocol map. With `--check` it only reports whether the file is up to date (exit 1 if not).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { renderProtocolDocument } from './protocol-doc.ts';

export const PROTOCOL_DOC_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'PROTOCOL.md',
);

const check = process.argv.includes('--check');
const current = await readFile(PROTOCOL_DOC_PATH, 'utf8');
const updated = await renderProtocolDocument(current, PROTOCOL_DOC_PATH);

if (check) {
  if (updated !== current) {
    process.stderr.write(`${PROTOCOL_DOC_PATH} is out of date; run npm run protocol:doc\n`);
    process.exit(1);
  }
  process.stdout.write(`${PROTOCOL_DOC_PATH} is up to date\n`);
} else if (updated === current) {
  process.stdout.write(`${PROTOCOL_DOC_PATH} was already up to date\n`);
} else {
  await writeFile(PROTOCOL_DOC_PATH, updated);
  process.stdout.write(`wrote ${PROTOCOL_DOC_PATH}\n`);
}
