// Command-line parsing shared by verify, hint and reset: options, the language, the exercise
// name, and usage errors printed as one line with exit code 2.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { detectLanguage, parseLanguage, pick, type Language } from '../shared/i18n.ts';
import { readOptionTokens } from '../shared/cli-options.ts';
import { findOptionsTakenByNpm, npmRunCommand } from '../shared/npm-options.ts';
import { exerciseMessages } from './messages.ts';
import { npmOptionMessages } from './npm-options.messages.ts';
import { findExercises, listExercises, type ExerciseInfo } from './registry.ts';

export type Text = typeof exerciseMessages.en;

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
}

export interface ParsedCommandLine {
  language: Language;
  text: Text;
  values: Record<string, string | boolean | undefined>;
  /** The exercise name given, e.g. `03` or `11/backoff`. */
  name: string | undefined;
}

/** Picks the language before anything else, so even a usage error is in the learner's language. */
export function languageOf(argv: string[]): Language {
  return detectLanguage(argv, process.env);
}

export function parseCommandLine(
  command: string,
  argv: string[],
  options: Record<string, OptionSpec>,
  env: NodeJS.ProcessEnv = process.env,
): ParsedCommandLine {
  const language = languageOf(argv);
  const text = pick(exerciseMessages, language);
  const allOptions = { ...options, lang: { type: 'string' }, help: { type: 'boolean' } } as const;

  // npm keeps options written before `--`, as in `npm run verify 03 --watch`, so without this
  // check the command would run without them.
  const takenByNpm = findOptionsTakenByNpm(argv, env, allOptions);
  if (takenByNpm.length > 0) {
    const firstName = parseArgs({
      args: argv,
      options: allOptions,
      strict: false,
      allowPositionals: true,
    }).positionals[0];
    const example = npmRunCommand(command, firstName === undefined ? [] : [firstName], takenByNpm);
    const message = pick(npmOptionMessages, language);
    throw new UsageError(message.optionsTakenByNpm(takenByNpm.join(' '), example));
  }

  const { values, positionals } = readOptionTokens(
    argv,
    allOptions,
    { ...text, unknownOption: (option) => text.unknownOption(option, command) },
    { maxPositionals: 1, usageError: (message) => new UsageError(message) },
  );
  const name = positionals[0];

  if (values.lang !== undefined && !parseLanguage(String(values.lang)))
    throw new UsageError(text.invalidLang(String(values.lang)));
  return { language, text, values, name };
}

/** Resolves the exercise name to exercises; without a name, every exercise. */
export function selectExercises(name: string | undefined, text: Text): ExerciseInfo[] {
  const all = listExercises();
  if (name === undefined) return all;

  const selected = findExercises(all, name);
  if (selected.length === 0) {
    const choices = [...new Set(all.flatMap((exercise) => [exercise.lesson, exercise.id]))];
    throw new UsageError(text.unknownExercise(name, choices.join(', ')));
  }
  return selected;
}

/** Checks a `--dir` value: it must name a folder, and only one exercise may be selected. */
export function resolveDirOption(
  dir: string,
  exercises: ExerciseInfo[],
  name: string | undefined,
  text: Text,
): string {
  if (exercises.length !== 1) throw new UsageError(text.dirNeedsOneExercise(name ?? ''));
  const resolved = path.resolve(dir);
  if (!existsSync(resolved) || !statSync(resolved).isDirectory())
    throw new UsageError(text.dirNotFound(dir));
  return resolved;
}

/**
 * Runs a command's main function: a UsageError becomes one line on stderr and exit code 2, and
 * the returned number becomes the exit code.
 */
export async function runCommand(
  command: string,
  argv: string[],
  main: (argv: string[]) => Promise<number>,
): Promise<void> {
  // `npm run verify | head` closes the pipe early; that ends the command quietly, not with a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n`);
    process.exitCode = 2;
  }
}

/** A path relative to the current folder, as the learner would type it. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}
