// `npm run expected:update -- NN [NN …]`: rewrites the expected-output files of the named lessons
// from a deterministic run, in both languages. Review the diff (git diff test/lessons/expected)
// before you commit it: an expected file is reviewed output, not a cache.

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { findLesson, listLessons } from '../../lessons/runner/registry.ts';
import { EXTRA_ARGS, expectedFile, runLesson } from './run-lesson.ts';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write(
    'expected:update: name at least one lesson, e.g. npm run expected:update -- 03\n',
  );
  process.exit(2);
}

const lessons = listLessons();
for (const name of names) {
  const lesson = findLesson(lessons, name);
  if (!lesson) {
    process.stderr.write(
      `expected:update: unknown lesson "${name}": see npm run lesson for the list\n`,
    );
    process.exit(2);
  }

  for (const language of ['en', 'ja']) {
    const result = await runLesson(
      [lesson.number, '--deterministic', '--lang', language, ...(EXTRA_ARGS[lesson.number] ?? [])],
      { timeoutMs: 120_000 },
    );
    if (result.code !== 0 || result.stderr !== '') {
      process.stderr.write(
        `expected:update: lesson ${lesson.number} (${language}) failed with exit code ${result.code}:\n${result.stderr}`,
      );
      process.exit(1);
    }
    const file = expectedFile(lesson.folder, language);
    writeFileSync(file, result.stdout);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
