// The READMEs list every lesson under the title its lesson.json gives, in both languages, and
// both READMEs carry the language switcher.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { listLessons } from '../lessons/runner/registry.ts';
import { REPO_ROOT } from './support/run-lesson.ts';

const SWITCHER = '[English](README.md) | [日本語](README.ja.md)';

describe('README', () => {
  const readmes = { en: 'README.md', ja: 'README.ja.md' } as const;

  it.each(Object.entries(readmes))('%s lists every lesson by its title', (language, file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const lesson of listLessons()) {
      expect(text).toContain(`| ${lesson.number} | ${lesson.title[language as 'en' | 'ja']} |`);
    }
  });

  it.each(Object.values(readmes))('%s opens with the language switcher', (file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    expect(text.split('\n')[0]).toBe(SWITCHER);
  });

  it.each(
    listLessons().flatMap((lesson) => [
      [lesson.folder, 'README.md'],
      [lesson.folder, 'README.ja.md'],
    ]),
  )('lesson %s has %s with the switcher', (folder, file) => {
    const text = readFileSync(path.join(REPO_ROOT, 'lessons', folder, file), 'utf8');
    expect(text.split('\n')[0]).toBe(SWITCHER);
  });
});
