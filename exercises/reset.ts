// `npm run reset NN[/name] -- [--yes]`: puts the student files of an exercise back to their
// pristine copy. When a file differs from it, reset asks first on a terminal, refuses without one
// unless --yes is given, and keeps the student's version as a timestamped backup beside the file.

import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
  displayPath,
  parseCommandLine,
  resolveDirOption,
  runCommand,
  selectExercises,
  UsageError,
} from './cli.ts';
import { backupName, confirm } from './confirm.ts';
import { filesDirectory, formatLessonNumbers, listExercises } from './registry.ts';

async function main(argv: string[]): Promise<number> {
  const { text, values, name } = parseCommandLine('reset', argv, {
    yes: { type: 'boolean' },
    dir: { type: 'string' },
  });
  if (values.help) {
    console.log(text.resetUsage);
    return 0;
  }
  if (name === undefined) {
    const lessons = formatLessonNumbers(listExercises().map((exercise) => exercise.lesson));
    throw new UsageError(text.exerciseNameNeeded('reset', lessons));
  }

  const exercises = selectExercises(name, text);
  const dir =
    values.dir === undefined
      ? undefined
      : resolveDirOption(String(values.dir), exercises, name, text);
  const targets = exercises.flatMap((exercise) =>
    exercise.files.map((file) => {
      const original = path.join(filesDirectory(exercise, 'pristine'), file);
      const working = path.join(dir ?? exercise.directory, file);
      // A deleted working file counts as changed, so reset brings it back.
      const unchanged = existsSync(working) && readFileSync(working).equals(readFileSync(original));
      return { original, working, unchanged };
    }),
  );

  const changed = targets.filter((target) => !target.unchanged);
  if (changed.length === 0) {
    const list = targets.map((target) => displayPath(target.working)).join(', ');
    console.log(text.resetNothingToDo(list, targets.length));
    return 0;
  }

  if (values.yes !== true) {
    if (!process.stdin.isTTY) throw new UsageError(text.resetNeedsYes);
    const list = changed.map((target) => displayPath(target.working)).join(', ');
    if (!(await confirm(text.resetQuestion(list), process.stdin, process.stdout))) {
      console.log(text.resetCancelled);
      return 0;
    }
  }

  const now = new Date();
  for (const { original, working, unchanged } of targets) {
    if (unchanged) {
      console.log(text.resetUnchanged(displayPath(working)));
      continue;
    }
    if (existsSync(working)) {
      const backup = backupName(working, now);
      copyFileSync(working, backup);
      console.log(text.backupWritten(displayPath(backup)));
    }
    copyFileSync(original, working);
    console.log(text.resetDone(displayPath(working)));
  }
  return 0;
}

await runCommand('reset', process.argv.slice(2), main);
