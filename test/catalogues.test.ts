// Every message catalogue in the repository has the same keys in Japanese and English and no
// empty message; every lesson.json has both languages for its title, summary and option help.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { checkCatalogue, LANGUAGES, type Catalogue, type Message } from '../shared/i18n.ts';
import { listLessons } from '../lessons/runner/registry.ts';
import { REPO_ROOT } from './support/run-lesson.ts';

const SEARCHED = ['lessons', 'chat', 'shared'];
const SKIPPED = new Set(['node_modules', 'dist']);

function findFiles(directory: string, matches: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    if (SKIPPED.has(name)) continue;
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) found.push(...findFiles(full, matches));
    else if (matches(name)) found.push(full);
  }
  return found;
}

function isCatalogue(value: unknown): value is Catalogue<Record<string, Message>> {
  return typeof value === 'object' && value !== null && 'en' in value && 'ja' in value;
}

const catalogueFiles = SEARCHED.flatMap((folder) =>
  findFiles(
    path.join(REPO_ROOT, folder),
    (name) => /^messages\.tsx?$/.test(name) || name.endsWith('.messages.ts'),
  ),
);

describe('message catalogues', () => {
  it('exist', () => {
    expect(catalogueFiles.length).toBeGreaterThan(0);
  });

  it.each(catalogueFiles.map((file) => [path.relative(REPO_ROOT, file), file]))(
    '%s matches in ja and en',
    async (_name, file) => {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const catalogues = Object.values(module).filter(isCatalogue);
      expect(catalogues.length).toBeGreaterThan(0);
      for (const catalogue of catalogues) expect(checkCatalogue(catalogue)).toEqual([]);
    },
  );
});

describe('lesson.json', () => {
  it.each(listLessons().map((lesson) => [lesson.folder, lesson]))(
    '%s has both languages',
    (_folder, lesson) => {
      for (const language of LANGUAGES) {
        expect(lesson.title[language]?.trim()).toBeTruthy();
        expect(lesson.summary[language]?.trim()).toBeTruthy();
        for (const spec of Object.values(lesson.options))
          expect(spec.help[language]?.trim()).toBeTruthy();
      }
      expect(['virtual', 'real']).toContain(lesson.clock);
      expect(readFileSync(path.join(lesson.directory, 'lesson.ts'), 'utf8')).toMatch(/^\/\*\*/);
    },
  );
});
