// `npm run reset NN[/name] -- [--yes]`: puts the student files of an exercise back to their
// pristine copy. It asks first on a terminal, refuses without one unless --yes is given, and
// keeps the student's version as a timestamped backup beside the file.

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
import { filesDirectory } from './registry.ts';

async function main(argv: string[]): Promise<number> {
  const { text, values, name } = parseCommandLine('reset', argv, {
    yes: { type: 'boolean' },
    dir: { type: 'string' },
  });
  if (values.help) {
    console.log(text.resetUsage);
    return 0;
  }
  if (name === undefined) throw new UsageError(text.exerciseNameNeeded('reset'));

  const exercises = selectExercises(name, text);
  const dir =
    values.dir === undefined
      ? undefined
      : resolveDirOption(String(values.dir), exercises, name, text);
  const targets = exercises.flatMap((exercise) =>
    exercise.files.map((file) => ({
      original: path.join(filesDirectory(exercise, 'pristine'), file),
      working: path.join(dir ?? exercise.directory, file),
    })),
  );

  if (values.yes !== true) {
    if (!process.stdin.isTTY) throw new UsageError(text.resetNeedsYes);
    const list = targets.map((target) => displayPath(target.working)).join(', ');
    if (!(await confirm(text.resetQuestion(list), process.stdin, process.stdout))) {
      console.log(text.resetCancelled);
      return 0;
    }
  }

  const now = new Date();
  for (const { original, working } of targets) {
    const pristine = readFileSync(original);
    if (existsSync(working) && readFileSync(working).equals(pristine)) {
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
