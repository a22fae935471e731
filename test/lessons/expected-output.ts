// Pins every lesson's full output in both languages (deterministic mode), and checks that a
// real-time run at high speed prints the same lines in the same order. Two test files each call
// `describeExpectedOutput` for half of the lessons, so that vitest runs the halves in parallel.

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { listLessons, type LessonInfo } from '../../lessons/runner/registry.ts';
import { EXTRA_ARGS, expectedFile, runLesson, stripStamps } from '../support/run-lesson.ts';
import { redisSkipReason } from '../support/redis.ts';

/**
 * Lines whose relative order Node does not fix in a real-time run, per lesson. They are compared
 * as a set; every other line must keep its place.
 */
const UNORDERED_IN_REAL_TIME: Record<string, (line: string) => boolean> = {
  // The main module's setTimeout(0) and setImmediate race: which runs first depends on how long
  // the loop took to start, so Node prints them in either order.
  '05': (line) => line.includes('[either order]'),
};

/**
 * Turns an expected line into a pattern for a real-time line: a hidden value (`....`) and a
 * normalised port stand for whatever the real run printed there.
 */
function hiddenAsWildcard(line: string): RegExp {
  const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `log` normalises only `127.0.0.1:<port>`, so a `PORT` elsewhere (as in SUPPORTED) is text.
  const wildcards = escaped
    .replaceAll('\\.\\.\\.\\.', '[^ ]+')
    .replaceAll('127\\.0\\.0\\.1:PORT', '127\\.0\\.0\\.1:\\d+');
  return new RegExp(`^${wildcards}$`);
}

/** Speed for the real-time run: high enough to be quick, low enough that timer order holds. */
const REAL_TIME_SPEED: Record<string, string> = { '03': '10', '01': '10' };

/**
 * Returns why a lesson cannot run here: lesson.json may name a program it `requires` (only
 * `redis-server` so far). With REQUIRE_REDIS=1 a missing redis-server throws instead.
 */
function missingRequirement(directory: string): string | undefined {
  const meta = JSON.parse(readFileSync(path.join(directory, 'lesson.json'), 'utf8')) as {
    requires?: string;
  };
  return meta.requires === 'redis-server' ? redisSkipReason() : undefined;
}

/** Declares the expected-output tests of every lesson whose number passes `select`. */
export function describeExpectedOutput(select: (lessonNumber: number) => boolean): void {
  const lessons = listLessons().filter(
    (lesson) => select(Number(lesson.number)) && existsSync(expectedFile(lesson.folder, 'en')),
  );
  describe.each(lessons)('lesson $folder', describeLesson);
}

function describeLesson(lesson: LessonInfo): void {
  const skipReason = missingRequirement(lesson.directory);

  it.skipIf(skipReason !== undefined).each(['en', 'ja'])(
    'prints the expected output in %s',
    async (language) => {
      const expected = readFileSync(expectedFile(lesson.folder, language), 'utf8');
      const result = await runLesson([
        lesson.number,
        '--deterministic',
        '--lang',
        language,
        ...(EXTRA_ARGS[lesson.number] ?? []),
      ]);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(expected);
    },
  );

  it.skipIf(skipReason !== undefined)('keeps the line order in a real-time run', async () => {
    const speed = REAL_TIME_SPEED[lesson.number] ?? '1';
    const result = await runLesson([
      lesson.number,
      '--speed',
      speed,
      '--lang',
      'en',
      ...(EXTRA_ARGS[lesson.number] ?? []),
    ]);
    expect(result.code).toBe(0);

    const unordered = UNORDERED_IN_REAL_TIME[lesson.number] ?? (() => false);
    // On the virtual clock the deterministic run pins every number; a real run at high speed can
    // stretch a measured duration (a 100 ms stall of a loaded machine reads as 1 s at speed 10),
    // so for those lessons this run checks only the order of the lines.
    const maskNumbers = (line: string) =>
      lesson.clock === 'virtual' ? line.replace(/\d+(\.\d+)?/g, 'N') : line;
    const actual = stripStamps(result.stdout).map(maskNumbers);
    const expected = stripStamps(readFileSync(expectedFile(lesson.folder, 'en'), 'utf8')).map(
      maskNumbers,
    );
    const ordered = expected.filter((line) => !unordered(line));
    const actualOrdered = actual.filter((line) => !unordered(line));
    expect(actualOrdered).toHaveLength(ordered.length);
    ordered.forEach((line, index) => expect(actualOrdered[index]).toMatch(hiddenAsWildcard(line)));

    const sortedExpected = expected.filter(unordered).sort();
    const sortedActual = actual.filter(unordered).sort();
    expect(sortedActual).toHaveLength(sortedExpected.length);
    sortedExpected.forEach((line, index) =>
      expect(sortedActual[index]).toMatch(hiddenAsWildcard(line)),
    );
  });
}
