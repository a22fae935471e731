// Finds the numbered lesson folders and reads each one's lesson.json.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Language } from '../../shared/i18n.ts';

export const LESSONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const LESSON_FOLDER = /^(\d{2})-[a-z0-9-]+$/;

/** A lesson-specific command-line option, declared in lesson.json. */
export interface LessonOptionSpec {
  type: 'string' | 'boolean';
  help: Record<Language, string>;
}

export interface LessonInfo {
  /** Two-digit number, e.g. `03`. */
  number: string;
  /** Folder name, e.g. `03-timers`. */
  folder: string;
  directory: string;
  script: string;
  title: Record<Language, string>;
  summary: Record<Language, string>;
  /** `virtual`: timers only, runs on the virtual clock; `real`: does real I/O, so keeps real time. */
  clock: 'virtual' | 'real';
  options: Record<string, LessonOptionSpec>;
}

interface LessonJson {
  title: Record<Language, string>;
  summary: Record<Language, string>;
  clock: 'virtual' | 'real';
  options?: Record<string, LessonOptionSpec>;
}

export function listLessons(): LessonInfo[] {
  const lessons: LessonInfo[] = [];
  for (const folder of readdirSync(LESSONS_DIR).sort()) {
    const match = LESSON_FOLDER.exec(folder);
    const directory = path.join(LESSONS_DIR, folder);
    const metaFile = path.join(directory, 'lesson.json');
    if (!match || !existsSync(metaFile)) continue;

    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as LessonJson;
    lessons.push({
      number: match[1]!,
      folder,
      directory,
      script: path.join(directory, 'lesson.ts'),
      title: meta.title,
      summary: meta.summary,
      clock: meta.clock,
      options: meta.options ?? {},
    });
  }
  return lessons;
}

/** Finds a lesson by number (`03`, `3`) or folder name (`03-timers`). */
export function findLesson(lessons: LessonInfo[], name: string): LessonInfo | undefined {
  if (/^\d{1,2}$/.test(name))
    return lessons.find((lesson) => lesson.number === name.padStart(2, '0'));
  return lessons.find((lesson) => lesson.folder === name);
}
