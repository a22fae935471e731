// `npm run hint NN[/name] -- [--lang ja|en]`: prints the hint of an exercise in the learner's
// language (hint.md or hint.ja.md beside the exercise). Exit code 2 for a usage error.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseCommandLine, runCommand, selectExercises, UsageError } from './cli.ts';
import { formatLessonNumbers, listExercises } from './registry.ts';

async function main(argv: string[]): Promise<number> {
  const { language, text, values, name } = parseCommandLine('hint', argv, {});
  if (values.help) {
    console.log(text.hintUsage);
    return 0;
  }
  if (name === undefined) {
    const lessons = formatLessonNumbers(listExercises().map((exercise) => exercise.lesson));
    throw new UsageError(text.exerciseNameNeeded('hint', lessons));
  }

  const exercises = selectExercises(name, text);
  exercises.forEach((exercise, index) => {
    if (index > 0) console.log('');
    console.log(text.hintHeading(exercise.id, exercise.title[language]));
    console.log('');
    const file = path.join(exercise.directory, language === 'ja' ? 'hint.ja.md' : 'hint.md');
    console.log(
      existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : text.hintMissing(exercise.id),
    );
  });
  return 0;
}

await runCommand('hint', process.argv.slice(2), main);
