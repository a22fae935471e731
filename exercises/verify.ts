// `npm run verify [NN | NN/name] -- [options]`: checks the exercises in lesson order and stops at
// the first one not done, naming the file to edit, showing what is wrong and pointing to the hint.
// Exit code 0 when every checked exercise is done, 1 when one is not, 2 for a usage error.

import path from 'node:path';

import type { CheckResult } from './check-api.ts';
import { runCheck } from './check-runner.ts';
import {
  displayPath,
  parseCommandLine,
  resolveDirOption,
  runCommand,
  selectExercises,
  UsageError,
  type Text,
} from './cli.ts';
import { recordResult } from './progress.ts';
import { filesDirectory, type ExerciseInfo, type FileSource } from './registry.ts';
import { renderSideBySide, firstDifference } from './side-by-side.ts';
import { watchFiles } from './watch.ts';
import type { Language } from '../shared/i18n.ts';

const DEFAULT_WIDTH = 100;

interface VerifySettings {
  exercises: ExerciseInfo[];
  language: Language;
  text: Text;
  source: FileSource;
  /** A folder given with --dir, which replaces the source folder of the only exercise. */
  dir: string | undefined;
}

function filesDirOf(exercise: ExerciseInfo, settings: VerifySettings): string {
  return settings.dir ?? filesDirectory(exercise, settings.source);
}

function indent(lines: string[]): string[] {
  return lines.map((line) => (line === '' ? '' : `    ${line}`));
}

function describeFailure(exercise: ExerciseInfo, result: CheckResult, settings: VerifySettings) {
  const { text, language } = settings;
  const filesDir = filesDirOf(exercise, settings);
  const lines = [
    ...exercise.files.map((name) => text.editFile(displayPath(path.join(filesDir, name)))),
    ...exercise.instructions[language].split('\n'),
    '',
  ];

  if (!result.ok && 'expected' in result) {
    if (result.problem) lines.push(result.problem);
    lines.push(text.firstDifference(firstDifference(result.expected, result.actual) + 1));
    lines.push(
      ...renderSideBySide(result.expected, result.actual, {
        expectedHeading: text.expectedColumn,
        actualHeading: text.actualColumn,
        missingLine: text.missingLine,
        width: (process.stdout.columns ?? DEFAULT_WIDTH) - 4,
      }),
    );
  } else if (!result.ok) {
    lines.push(result.problem);
  }

  lines.push('', text.hintPointer(exercise.id));
  return indent(lines);
}

/** Checks the exercises in order, printing each verdict; returns the exit code. */
async function verifyOnce(settings: VerifySettings): Promise<number> {
  const { text, language } = settings;
  for (const exercise of settings.exercises) {
    const result = await runCheck(exercise, filesDirOf(exercise, settings), language);
    // Only the student's own files count as progress; --use and --dir check other copies.
    if (settings.source === 'working' && settings.dir === undefined)
      recordResult(exercise, result.ok);

    const verdict = result.ok ? text.passed : text.failed;
    console.log(
      text.exerciseLine(result.ok ? '✓' : '✗', exercise.id, exercise.title[language], verdict),
    );
    if (!result.ok) {
      console.log('');
      for (const line of describeFailure(exercise, result, settings)) console.log(line);
      return 1;
    }
  }

  console.log('');
  console.log(text.allDone(settings.exercises.length));
  return 0;
}

/** Checks once, then again after every save, until the process is stopped (Ctrl+C). */
async function verifyOnEverySave(settings: VerifySettings, poll: boolean): Promise<never> {
  const { text } = settings;
  const files = settings.exercises.flatMap((exercise) =>
    exercise.files.map((name) => path.join(filesDirOf(exercise, settings), name)),
  );

  let running: Promise<unknown> = verifyOnce(settings);
  await running;
  let again = false;
  const watcher = watchFiles(
    files,
    () => {
      // A save during a check queues exactly one more check, which reads the newest content.
      if (again) return;
      again = true;
      running = running.then(async () => {
        again = false;
        console.log('');
        console.log(text.separator);
        await verifyOnce(settings);
      });
    },
    { poll, onFallback: (detail) => console.log(text.watchFallback(detail)) },
  );
  const mode = watcher.mode === 'polling' ? text.watchModePolling : text.watchModeEvents;
  console.log('');
  console.log(text.watching(files.length, mode));
  return new Promise<never>(() => {});
}

async function main(argv: string[]): Promise<number> {
  const { language, text, values, name } = parseCommandLine('verify', argv, {
    watch: { type: 'boolean' },
    poll: { type: 'boolean' },
    use: { type: 'string' },
    dir: { type: 'string' },
  });
  if (values.help) {
    console.log(text.verifyUsage);
    return 0;
  }

  const exercises = selectExercises(name, text);
  const use = values.use as string | undefined;
  if (use !== undefined && use !== 'solution' && use !== 'pristine')
    throw new UsageError(text.invalidUse(use));
  if (use !== undefined && values.dir !== undefined) throw new UsageError(text.dirWithUse);
  if (values.poll && !values.watch) throw new UsageError(text.pollNeedsWatch);
  const dir =
    values.dir === undefined
      ? undefined
      : resolveDirOption(String(values.dir), exercises, name, text);

  const settings: VerifySettings = {
    exercises,
    language,
    text,
    source: use ?? 'working',
    dir,
  };
  if (values.watch) return verifyOnEverySave(settings, values.poll === true);
  return verifyOnce(settings);
}

await runCommand('verify', process.argv.slice(2), main);
