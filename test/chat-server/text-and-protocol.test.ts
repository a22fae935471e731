// Unit tests of the shared text rules, the protocol decoder and the server message catalogue.
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';

import { checkCatalogue } from '../../shared/i18n.ts';
import {
  CloseCode,
  decodeClientFrame,
  ERROR_CODES,
  PROTOCOL,
  type EventSpecMap,
} from '../../shared/protocol.ts';
import { countGraphemes, validateMessage, validateUsername } from '../../shared/text.ts';
import { languageFromAcceptLanguage, serverMessages } from '../../chat/server/messages.ts';
import { countRejection, createTokenBucket, takeToken } from '../../chat/server/rate-limit.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const segmenterCount = (text: string) => [...segmenter.segment(text)].length;

describe('countGraphemes', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['😀😀', 2],
    ['👨‍👩‍👧', 1],
    ['👍🏽', 1],
    ['🇯🇵', 1],
    ['が', 1],
    ['か\u3099', 1],
    ['e\u0301', 1],
    ['\r\n', 1],
    ['한국어', 3],
    ['\u1100\u1161\u11A8', 1],
    ['\uD800x', 2],
  ])('counts %j as %i', (text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
  });

  it('agrees with Intl.Segmenter on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(countGraphemes(text)).toBe(segmenterCount(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(countGraphemes(text)).toBe(segmenterCount(text));
      }),
      { numRuns: 500 },
    );
  });

  it('stops counting at the limit', () => {
    expect(countGraphemes('x'.repeat(1000), 11)).toBe(11);
    expect(countGraphemes('👍🏽'.repeat(1000), 11)).toBe(11);
  });
});

describe('validateUsername', () => {
  test.each([
    ['  alice  ', 'alice'],
    ['😀'.repeat(20), '😀'.repeat(20)],
    ['あ'.repeat(20), 'あ'.repeat(20)],
    ['a\u200Db', 'a\u200Db'],
  ])('accepts %j', (raw, value) => {
    expect(validateUsername(raw)).toEqual({ ok: true, value });
  });

  test.each([
    ['a'.repeat(21), 'USERNAME_TOO_LONG'],
    ['a\u0000b', 'USERNAME_INVALID_CHARACTERS'],
    ['a\u202Eb', 'USERNAME_INVALID_CHARACTERS'],
    ['a\u200Fb', 'USERNAME_INVALID_CHARACTERS'],
    ['\u200B', 'USERNAME_INVISIBLE'],
    ['\u3164', 'USERNAME_INVISIBLE'],
  ])('rejects %j with %s', (raw, code) => {
    expect(validateUsername(raw)).toMatchObject({ ok: false, code });
  });

  it('reports a huge name as at least 81 graphemes', () => {
    expect(validateUsername('a'.repeat(5000))).toEqual({
      ok: false,
      code: 'USERNAME_TOO_LONG',
      graphemes: 81,
      max: 20,
      atLeast: true,
    });
  });
});

describe('validateMessage', () => {
  it('trims and keeps markup as text', () => {
    expect(validateMessage('  <b>hi</b> \n')).toEqual({ ok: true, value: '<b>hi</b>' });
  });

  test.each([
    ['', 'MESSAGE_EMPTY', 0],
    [' \t\n', 'MESSAGE_EMPTY', 0],
    ['x'.repeat(501), 'MESSAGE_TOO_LONG', 501],
    ['👍🏽'.repeat(501), 'MESSAGE_TOO_LONG', 501],
  ])('rejects %#: %s', (raw, code, graphemes) => {
    expect(validateMessage(raw)).toMatchObject({ ok: false, code, graphemes });
  });

  it('honours a configured maximum', () => {
    expect(validateMessage('abcd', 3)).toMatchObject({
      ok: false,
      code: 'MESSAGE_TOO_LONG',
      graphemes: 4,
      max: 3,
    });
    expect(validateMessage('👍🏽👍🏽👍🏽', 3)).toEqual({ ok: true, value: '👍🏽👍🏽👍🏽' });
  });
});

describe('decodeClientFrame', () => {
  test.each([
    ['hello', { type: 'message', message: 'hello' }],
    ['{"type":"ping"}', { type: 'ping' }],
    [' {"type":"ping","x":1}', { type: 'ping' }],
    [
      '{"type":"message","message":"x"}',
      { type: 'message', message: '{"type":"message","message":"x"}' },
    ],
    ['{dd}', { type: 'message', message: '{dd}' }],
  ])('decodes plain %j', (frame, value) => {
    expect(decodeClientFrame(frame, 'plain')).toEqual({ ok: true, value });
  });

  test.each([
    [
      '{"type":"message","message":"x","clientMsgId":"a"}',
      { type: 'message', message: 'x', clientMsgId: 'a' },
    ],
    ['{"type":"resume","epoch":"e","after":0}', { type: 'resume', epoch: 'e', after: 0 }],
    ['{"type":"who"}', { type: 'who' }],
  ])('decodes v1 %j', (frame, value) => {
    expect(decodeClientFrame(frame, 'v1')).toEqual({ ok: true, value });
  });

  test.each([
    ['{dd}', 'INVALID_JSON'],
    ['null', 'INVALID_COMMAND'],
    ['[]', 'INVALID_COMMAND'],
    ['"text"', 'INVALID_COMMAND'],
    ['{"type":1}', 'INVALID_COMMAND'],
    ['{"type":"toString"}', 'UNKNOWN_COMMAND'],
    ['{"type":"resume","epoch":"e","after":-1}', 'INVALID_COMMAND'],
    ['{"type":"ping","id":7}', 'INVALID_COMMAND'],
  ])('rejects v1 %j with %s', (frame, code) => {
    expect(decodeClientFrame(frame, 'v1')).toMatchObject({ ok: false, code });
  });
});

describe('protocol tables', () => {
  it('numbers the close codes', () => {
    expect(CloseCode).toMatchObject({
      GOING_AWAY: 1001,
      POLICY_VIOLATION: 1008,
      MESSAGE_TOO_BIG: 1009,
      SLOW_CONSUMER: 4000,
    });
  });

  it('gives every handshake code an HTTP status', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      if (spec.where === 'handshake') expect(spec.status, code).toBeGreaterThanOrEqual(400);
      else expect(spec.status, code).toBeNull();
    }
  });

  it('documents every event and field', () => {
    for (const version of Object.values(PROTOCOL)) {
      for (const map of Object.values(version) as EventSpecMap[]) {
        for (const [type, spec] of Object.entries(map)) {
          expect(spec.doc.length, type).toBeGreaterThan(0);
          for (const [name, field] of Object.entries(spec.fields))
            expect(field.doc.length, `${type}.${name}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('server messages', () => {
  it('has the same keys in both languages and no empty value', () => {
    expect(checkCatalogue(serverMessages)).toEqual([]);
  });

  it('has a text for every error code', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(serverMessages.en, code).toHaveProperty(code);
      expect(serverMessages.ja, code).toHaveProperty(code);
    }
  });

  test.each([
    [undefined, 'en'],
    ['ja', 'ja'],
    ['ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['fr-FR,ja;q=0.5', 'ja'],
    ['ja;q=0', 'en'],
  ])('picks the language of Accept-Language %j', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});

describe('token bucket', () => {
  const limit = { burst: 3, ratePerSecond: 2 };

  it('allows a burst, then refills lazily', () => {
    const bucket = createTokenBucket(limit, 0);
    expect([
      takeToken(bucket, limit, 0),
      takeToken(bucket, limit, 0),
      takeToken(bucket, limit, 0),
    ]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(takeToken(bucket, limit, 0)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(takeToken(bucket, limit, 250)).toEqual({ ok: false, retryAfterMs: 250 });
    expect(takeToken(bucket, limit, 500)).toEqual({ ok: true });
  });

  it('counts rejections per window', () => {
    const counter = { rejections: 0, windowStartedAt: 0 };
    expect([1, 2, 3].map((time) => countRejection(counter, time, 2, 100))).toEqual([
      false,
      false,
      true,
    ]);
    expect(countRejection(counter, 200, 2, 100)).toBe(false);
  });
});
