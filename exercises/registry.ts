// Finds the exercises beside their lessons and reads each one's exercise.json.
//
// Layout: `lessons/NN-slug/exercise/` holds one exercise, or one sub-folder per exercise when a
// lesson has several (`lessons/11-…/exercise/backoff/`). Each exercise folder contains
// exercise.json, the student files, `pristine/` (the untouched student files, restored by
// `npm run reset`), `solution/` (the reference solution, same file names), `check.ts` and the
// hints `hint.md` and `hint.ja.md`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { Language } from '../shared/i18n.ts';
import { LESSONS_DIR } from '../lessons/runner/registry.ts';

const LESSON_FOLDER = /^(\d{2})-[a-z0-9-]+$/;
const EXERCISE_NAME = /^[a-z0-9-]+$/;

/** How verify judges an exercise: by comparing printed lines, or by testing what the code does. */
export type ExerciseKind = 'output' | 'behaviour';

export interface ExerciseInfo {
  /** `03` for a lesson's only exercise, `11/backoff` when the lesson has several. */
  id: string;
  /** Two-digit lesson number, e.g. `03`. */
  lesson: string;
  /** Lesson folder name, e.g. `03-timers`. */
  lessonFolder: string;
  /** The exercise folder, which holds the student files. */
  directory: string;
  title: Record<Language, string>;
  instructions: Record<Language, string>;
  kind: ExerciseKind;
  /** File names the student edits, relative to `directory`. */
  files: string[];
}

interface ExerciseJson {
  title: Record<Language, string>;
  instructions: Record<Language, string>;
  kind: ExerciseKind;
  files: string[];
}

function readExercise(
  directory: string,
  lesson: string,
  lessonFolder: string,
  name?: string,
): ExerciseInfo {
  const meta = JSON.parse(
    readFileSync(path.join(directory, 'exercise.json'), 'utf8'),
  ) as ExerciseJson;
  return {
    id: name === undefined ? lesson : `${lesson}/${name}`,
    lesson,
    lessonFolder,
    directory,
    title: meta.title,
    instructions: meta.instructions,
    kind: meta.kind,
    files: meta.files,
  };
}

/** Lists every exercise in lesson order; within a lesson, sub-folders in name order. */
export function listExercises(lessonsDir: string = LESSONS_DIR): ExerciseInfo[] {
  const exercises: ExerciseInfo[] = [];
  for (const folder of readdirSync(lessonsDir).sort()) {
    const match = LESSON_FOLDER.exec(folder);
    const exerciseDir = path.join(lessonsDir, folder, 'exercise');
    if (!match || !existsSync(exerciseDir)) continue;
    const lesson = match[1]!;

    if (existsSync(path.join(exerciseDir, 'exercise.json'))) {
      exercises.push(readExercise(exerciseDir, lesson, folder));
      continue;
    }
    for (const name of readdirSync(exerciseDir).sort()) {
      const directory = path.join(exerciseDir, name);
      if (!EXERCISE_NAME.test(name) || !statSync(directory).isDirectory()) continue;
      if (!existsSync(path.join(directory, 'exercise.json'))) continue;
      exercises.push(readExercise(directory, lesson, folder, name));
    }
  }
  return exercises;
}

/**
 * Finds the exercises a command-line name means: `3` or `03` is every exercise of lesson 03,
 * `11/backoff` is one exercise. Returns an empty list when nothing matches.
 */
export function findExercises(exercises: ExerciseInfo[], name: string): ExerciseInfo[] {
  const match = /^(\d{1,2})(?:\/([a-z0-9-]+))?$/.exec(name);
  if (!match) return [];
  const lesson = match[1]!.padStart(2, '0');
  const exerciseName = match[2];
  return exercises.filter(
    (exercise) =>
      exercise.lesson === lesson &&
      (exerciseName === undefined || exercise.id === `${lesson}/${exerciseName}`),
  );
}

/**
 * Formats lesson numbers for a message, with runs of three or more as a range: `01–05, 07`.
 * Duplicates (a lesson with several exercises) count once.
 */
export function formatLessonNumbers(lessons: string[]): string {
  const numbers = [...new Set(lessons)].sort();
  const parts: string[] = [];
  let start = 0;
  while (start < numbers.length) {
    let end = start;
    while (end + 1 < numbers.length && Number(numbers[end + 1]) === Number(numbers[end]) + 1) end++;

    if (end - start >= 2) parts.push(`${numbers[start]}–${numbers[end]}`);
    else parts.push(...numbers.slice(start, end + 1));
    start = end + 1;
  }
  return parts.join(', ');
}

/** Where the student files of an exercise come from: the student's copy, or one kept in the repo. */
export type FileSource = 'working' | 'pristine' | 'solution';

/** The folder that holds an exercise's files of the given source. */
export function filesDirectory(exercise: ExerciseInfo, source: FileSource): string {
  return source === 'working' ? exercise.directory : path.join(exercise.directory, source);
}
