import { describe, expect, it } from 'vitest';

import {
  checkCatalogue,
  defineCatalogue,
  detectLanguage,
  languageFromLocale,
} from '../../shared/i18n.ts';

describe('detectLanguage', () => {
  it.each([
    [['--lang', 'ja'], {}, 'ja'],
    [['--lang=ja'], { LANG: 'en_US.UTF-8' }, 'ja'],
    [['--lang', 'en'], { LANG: 'ja_JP.UTF-8' }, 'en'],
    [[], { LANG: 'ja_JP.UTF-8' }, 'ja'],
    [[], { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }, 'ja'],
    [[], { LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }, 'en'],
    [[], { LC_MESSAGES: 'ja_JP', LANG: 'C' }, 'ja'],
    [[], { LANG: 'fr_FR.UTF-8' }, 'en'],
    [[], {}, 'en'],
  ])('picks the language from %j and %j', (argv, env, expected) => {
    expect(detectLanguage(argv, env)).toBe(expected);
  });

  it('ignores an invalid --lang value and falls back to the locale', () => {
    expect(detectLanguage(['--lang', 'fr'], { LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });
});

describe('languageFromLocale', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['en-GB', 'en'],
    ['C', 'en'],
    ['de-DE', undefined],
    [undefined, undefined],
  ])('maps %s to %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});

describe('checkCatalogue', () => {
  it('accepts matching keys with text', () => {
    const catalogue = defineCatalogue({
      en: { a: 'A', b: (n: number) => `${n}` },
      ja: { a: 'ア', b: (n: number) => `${n}` },
    });
    expect(checkCatalogue(catalogue)).toEqual([]);
  });

  it('reports a missing key and an empty value', () => {
    const catalogue = { en: { a: 'A', b: 'B' }, ja: { a: '', c: 'C' } };
    expect(checkCatalogue(catalogue as never)).toEqual([
      'ja lacks "b"',
      'en lacks "c"',
      'ja.a is empty',
    ]);
  });

  it('reports a message function that returns nothing', () => {
    const catalogue = { en: { a: () => 'A' }, ja: { a: () => '' } };
    expect(checkCatalogue(catalogue as never)).toEqual(['ja.a is empty']);
  });
});
