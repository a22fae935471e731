// Check of exercise 07/accept: the sample key of RFC 6455 with its published accept value, then
// keys derived from fixed seeds, compared with SHA-1 computed here, so a hard-coded value fails.

import { createHash } from 'node:crypto';

import { pick } from '../../../../shared/i18n.ts';
import type { Check } from '../../../../exercises/check-api.ts';
import { messages } from '../messages.ts';

type AcceptModule = typeof import('./pristine/accept.ts');

/** The Sec-WebSocket-Key and Sec-WebSocket-Accept pair printed in RFC 6455, section 1.3. */
const RFC_SAMPLE = { key: 'dGhlIHNhbXBsZSBub25jZQ==', accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' };

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const DERIVED_KEY_COUNT = 8;

/** A key as a client makes it (16 bytes, base64), but derived from a seed, so every run is the same. */
function derivedKey(seed: number): string {
  return createHash('sha256').update(`key ${seed}`).digest().subarray(0, 16).toString('base64');
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { computeAccept } = await context.importFile<AcceptModule>('accept.ts');

  const cases = [RFC_SAMPLE];
  for (let seed = 1; seed <= DERIVED_KEY_COUNT; seed++) {
    const key = derivedKey(seed);
    cases.push({
      key,
      accept: createHash('sha1')
        .update(key + GUID)
        .digest('base64'),
    });
  }

  for (const { key, accept } of cases) {
    const actual: unknown = computeAccept(key);
    if (actual !== accept) {
      const shown = typeof actual === 'string' ? JSON.stringify(actual) : String(actual);
      return {
        ok: false,
        problem: t.wrongAccept(JSON.stringify(key), shown, JSON.stringify(accept)),
      };
    }
  }
  return { ok: true };
};

export default check;
