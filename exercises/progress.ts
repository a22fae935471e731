// Remembers which exercises verify found done, in the gitignored .loopchat-progress.json, so the
// lesson list can show progress without running every check again. An entry counts only while
// the student files still have the content that was verified.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { listExercises, type ExerciseInfo } from './registry.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Returns the path of the progress file; LOOPCHAT_PROGRESS_FILE overrides it (tests use a temporary file). */
export function progressFile(): string {
  return process.env.LOOPCHAT_PROGRESS_FILE ?? path.join(REPO_ROOT, '.loopchat-progress.json');
}

interface ProgressEntry {
  done: boolean;
  /** SHA-256 of the student files at the time of the check. */
  contentHash: string;
}

type Progress = Record<string, ProgressEntry>;

function readProgress(): Progress {
  const file = progressFile();
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Progress;
  } catch {
    // A damaged cache only costs a re-check, so it is dropped rather than reported.
    return {};
  }
}

/** Hashes the student's working files of an exercise; a missing file hashes as empty. */
export function hashWorkingFiles(exercise: ExerciseInfo): string {
  const hash = createHash('sha256');
  for (const name of exercise.files) {
    const file = path.join(exercise.directory, name);
    hash.update(name).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Stores the outcome of verifying the student's working files of one exercise. */
export function recordResult(exercise: ExerciseInfo, done: boolean): void {
  const progress = readProgress();
  progress[exercise.id] = { done, contentHash: hashWorkingFiles(exercise) };
  writeFileSync(progressFile(), `${JSON.stringify(progress, null, 2)}\n`);
}

/** True when verify found the exercise done and its files have not changed since. */
export function isRecordedDone(
  exercise: ExerciseInfo,
  progress: Progress = readProgress(),
): boolean {
  const entry = progress[exercise.id];
  return entry?.done === true && entry.contentHash === hashWorkingFiles(exercise);
}

/**
 * Returns, by lesson number, whether every exercise of the lesson is recorded done. Lessons
 * without an exercise are absent from the map.
 */
export function lessonExerciseStates(): Map<string, boolean> {
  const progress = readProgress();
  const states = new Map<string, boolean>();
  for (const exercise of listExercises()) {
    const done = isRecordedDone(exercise, progress);
    states.set(exercise.lesson, (states.get(exercise.lesson) ?? true) && done);
  }
  return states;
}
