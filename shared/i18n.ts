// Japanese/English message catalogues and the rule that picks the language.
// Browser-safe: no Node-only imports, so the chat clients share it.

export type Language = 'en' | 'ja';

export const LANGUAGES: readonly Language[] = ['en', 'ja'];

/** One value of a catalogue: a fixed string or a function that formats its arguments. */
export type Message = string | ((...args: never[]) => string);

/** A catalogue: the same keys in both languages, checked by the type and by a test. */
export type Catalogue<T extends Record<string, Message>> = { en: T; ja: { [K in keyof T]: T[K] } };

/** Declares a catalogue; the English half fixes the keys and the argument types of both halves. */
export function defineCatalogue<T extends Record<string, Message>>(
  catalogue: Catalogue<T>,
): Catalogue<T> {
  return catalogue;
}

/** Returns one language's messages from a catalogue. */
export function pick<T extends Record<string, Message>>(
  catalogue: Catalogue<T>,
  language: Language,
): T {
  return catalogue[language] as T;
}

/** Returns the language named by a locale string such as `ja_JP.UTF-8` or `en-US`, if it is one we speak. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const lower = locale.toLowerCase();
  if (lower.startsWith('ja')) return 'ja';
  if (lower === 'c' || lower === 'posix' || lower.startsWith('en')) return 'en';
  return undefined;
}

/**
 * Parses a `--lang` value. Returns undefined for anything but `ja` or `en`, so that the caller
 * can report the bad value with its own usage message.
 */
export function parseLanguage(value: string): Language | undefined {
  return value === 'ja' || value === 'en' ? value : undefined;
}

/**
 * Picks the language: an explicit `--lang ja|en` wins, then the POSIX locale variables in their
 * precedence order (LC_ALL, LC_MESSAGES, LANG) where a `ja*` value means Japanese, else English.
 * An invalid `--lang` value is not handled here: CLIs validate it and exit with a usage error.
 */
export function detectLanguage(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    const language = value === undefined ? undefined : parseLanguage(value);
    if (language) return language;
  }

  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return languageFromLocale(value) ?? 'en';
  }
  return 'en';
}

// Calls a message function with placeholder arguments (numbers format as text in both languages).
function renderSample(format: (...args: never[]) => string): string {
  const args = Array.from({ length: format.length }, () => 1) as never[];
  return String(format(...args));
}

/** Returns the keys that one language has and the other lacks, and the keys whose value is empty. */
export function checkCatalogue(catalogue: Catalogue<Record<string, Message>>): string[] {
  const problems: string[] = [];
  const en = Object.keys(catalogue.en);
  const ja = Object.keys(catalogue.ja);
  for (const key of en) if (!ja.includes(key)) problems.push(`ja lacks "${key}"`);
  for (const key of ja) if (!en.includes(key)) problems.push(`en lacks "${key}"`);

  for (const language of LANGUAGES) {
    for (const [key, value] of Object.entries(catalogue[language])) {
      if (typeof value === 'string' && value.trim() === '')
        problems.push(`${language}.${key} is empty`);
      if (typeof value === 'function' && renderSample(value).trim() === '') {
        problems.push(`${language}.${key} is empty`);
      }
    }
  }
  return problems;
}
