// chat/PROTOCOL.md carries tables generated from the typed protocol map; this test fails when
// the map changed and `npm run protocol:doc` was not run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { CLOSE_CODES, ERROR_CODES, PROTOCOL } from '../../shared/protocol.ts';
import { renderProtocolDocument, spliceGenerated } from '../../chat/server/protocol-doc.ts';

const DOC_PATH = path.join(process.cwd(), 'chat', 'PROTOCOL.md');

describe('PROTOCOL.md', () => {
  it('matches the typed protocol map', async () => {
    const current = await readFile(DOC_PATH, 'utf8');
    const expected = await renderProtocolDocument(current, DOC_PATH);
    expect(current, 'PROTOCOL.md is out of date: run npm run protocol:doc').toBe(expected);
  });

  it('lists every event, close code and error code', async () => {
    const current = await readFile(DOC_PATH, 'utf8');
    for (const version of Object.values(PROTOCOL)) {
      for (const map of Object.values(version)) {
        for (const type of Object.keys(map)) expect(current).toContain(`#### \`${type}\``);
      }
    }
    for (const { code } of Object.values(CLOSE_CODES)) expect(current).toContain(`| ${code} `);
    for (const code of Object.keys(ERROR_CODES)) expect(current).toContain(`| \`${code}\``);
  });

  it('rejects a document without markers', () => {
    expect(() => spliceGenerated('# no markers', 'tables')).toThrow(/lacks the markers/);
  });
});
