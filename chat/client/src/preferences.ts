// The browser client's remembered choices: the language and the last username, kept in
// localStorage so that a reload does not ask again. Storage can be disabled or full (private
// windows, strict settings), so every access falls back to "nothing remembered".

import type { Language } from '../../../shared/i18n.ts';

const LANGUAGE_KEY = 'loopchat.language';
const USERNAME_KEY = 'loopchat.username';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembering is fine: the user picks again after a reload.
  }
}

/** Returns the language picked with the switch, if any. */
export function rememberedLanguage(): Language | undefined {
  const value = read(LANGUAGE_KEY);
  return value === 'ja' || value === 'en' ? value : undefined;
}

export function rememberLanguage(language: Language): void {
  write(LANGUAGE_KEY, language);
}

/** Returns the username of the last join, or an empty string. */
export function rememberedUsername(): string {
  return read(USERNAME_KEY) ?? '';
}

export function rememberUsername(username: string): void {
  write(USERNAME_KEY, username);
}
