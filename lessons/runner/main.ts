// `npm run lesson [NN] -- [options]`: lists the lessons, or runs one with a clock (real, scaled
// or virtual), a language and optional presenter stepping.

import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

import { lessonExerciseStates } from '../../exercises/progress.ts';
import { VirtualClock } from '../../shared/clock.ts';
import {
  driveVirtualClock,
  installScaledTimers,
  installVirtualTimers,
} from '../../shared/global-timers.ts';
import { detectLanguage, parseLanguage, pick, type Language } from '../../shared/i18n.ts';
import { configureLesson } from '../../shared/lesson.ts';
import { readOptionTokens } from '../../shared/cli-options.ts';
import { findOptionsTakenByNpm, npmRunCommand } from '../../shared/npm-options.ts';
import { runnerMessages } from './messages.ts';
import { findLesson, listLessons, type LessonInfo } from './registry.ts';

const MAX_SPEED = 100;

const RUNNER_OPTIONS = {
  lang: { type: 'string' },
  speed: { type: 'string' },
  deterministic: { type: 'boolean' },
  step: { type: 'boolean' },
  'no-time': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Text = typeof runnerMessages.en;

/** A mistake in the command line: printed as one line, exit code 2. */
class UsageError extends Error {}

interface RunSettings {
  lesson: LessonInfo | undefined;
  language: Language;
  speed: number;
  deterministic: boolean;
  step: boolean;
  timestamps: boolean;
  help: boolean;
  lessonOptions: Record<string, string | boolean | undefined>;
}

function parseCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  text: Text,
  language: Language,
  lessons: LessonInfo[],
): RunSettings {
  // The lesson decides which extra options are valid, so find its name first; every lesson's
  // options are known at this point so that an option value is never mistaken for the name.
  const everyOption: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    ...RUNNER_OPTIONS,
  };
  for (const info of lessons)
    for (const [name, spec] of Object.entries(info.options))
      everyOption[name] = { type: spec.type };
  const firstPass = parseArgs({
    args: argv,
    options: everyOption,
    strict: false,
    allowPositionals: true,
  });
  const lessonName = firstPass.positionals[0];

  // Options written before `--` never reach argv, so without this check the lesson would run
  // without them while npm's warning scrolls away above the lesson output.
  const takenByNpm = findOptionsTakenByNpm(argv, env, everyOption);
  if (takenByNpm.length > 0) {
    const command = npmRunCommand(
      'lesson',
      lessonName === undefined ? [] : [lessonName],
      takenByNpm,
    );
    throw new UsageError(text.optionsTakenByNpm(takenByNpm.join(' '), command));
  }

  const lesson = lessonName === undefined ? undefined : findLesson(lessons, lessonName);
  if (lessonName !== undefined && !lesson) {
    const choices = `${lessons[0]?.number ?? '01'}–${lessons.at(-1)?.number ?? '01'}`;
    throw new UsageError(text.unknownLesson(lessonName, choices));
  }

  const lessonSpecs = lesson?.options ?? {};
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    ...RUNNER_OPTIONS,
  };
  for (const [name, spec] of Object.entries(lessonSpecs)) options[name] = { type: spec.type };

  const { values } = readOptionTokens(argv, options, text, {
    maxPositionals: 1,
    usageError: (message) => new UsageError(message),
  });

  if (values.lang !== undefined && !parseLanguage(String(values.lang))) {
    throw new UsageError(text.invalidLang(String(values.lang)));
  }

  let speed = 1;
  if (values.speed !== undefined) {
    const raw = String(values.speed);
    speed = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) {
      throw new UsageError(text.invalidSpeed(raw));
    }
  }

  const step = values.step === true;
  if (step && lesson?.clock === 'real')
    throw new UsageError(text.stepNeedsVirtualClock(lesson.number));

  const lessonOptions: Record<string, string | boolean | undefined> = {};
  for (const name of Object.keys(lessonSpecs)) lessonOptions[name] = values[name];

  return {
    lesson,
    language,
    speed,
    deterministic: values.deterministic === true,
    step,
    timestamps: values['no-time'] !== true,
    help: values.help === true,
    lessonOptions,
  };
}

function printList(lessons: LessonInfo[], text: Text, language: Language): void {
  console.log(text.listHeading);
  console.log('');
  const exerciseStates = lessonExerciseStates();
  for (const lesson of lessons) {
    console.log(`  ${lesson.number}  ${lesson.title[language]}`);
    console.log(`      ${lesson.summary[language]}`);
    const done = exerciseStates.get(lesson.number);
    if (done !== undefined)
      console.log(`      ${text.listExercise(done ? text.exerciseDone : text.exerciseNotDone)}`);
  }
}

function printHelp(settings: RunSettings, text: Text): void {
  console.log(text.usage);
  const { lesson } = settings;
  if (!lesson || Object.keys(lesson.options).length === 0) return;

  console.log('');
  console.log(text.lessonOptionsHeading(lesson.number));
  for (const [name, spec] of Object.entries(lesson.options)) {
    const flag = spec.type === 'string' ? `--${name} VALUE` : `--${name}`;
    console.log(`  ${flag.padEnd(18)}${spec.help[settings.language]}`);
  }
}

/** Waits for one line on stdin; resolves at once when stdin has ended, so piped runs finish. */
function createEnterWaiter(): () => Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const waiting: Array<() => void> = [];
  let ended = false;
  lines.on('line', () => waiting.shift()?.());
  lines.on('close', () => {
    ended = true;
    for (const release of waiting.splice(0)) release();
  });
  return () => (ended ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
}

async function runLesson(settings: RunSettings, text: Text): Promise<void> {
  const lesson = settings.lesson!;
  const virtual = lesson.clock === 'virtual' && (settings.deterministic || settings.step);

  configureLesson({
    language: settings.language,
    timestamps: settings.timestamps,
    normalise: settings.deterministic && !virtual,
    virtualTime: virtual,
    options: settings.lessonOptions,
    write: (line) => process.stdout.write(`${line}\n`),
  });

  if (!virtual) {
    if (settings.speed !== 1) installScaledTimers(settings.speed);
    await import(pathToFileURL(lesson.script).href);
    return;
  }

  // On the virtual clock a timer scheduled later, by a promise or an immediate, wakes the driver again.
  let driving: Promise<void> | undefined;
  const waitForEnter = settings.step ? createEnterWaiter() : undefined;
  const beforeEach = waitForEnter
    ? async (dueAt: number) => {
        process.stderr.write(`${text.stepPrompt(String(dueAt))}\n`);
        await waitForEnter();
      }
    : undefined;
  const clock = new VirtualClock({
    onSchedule: () => {
      driving ??= driveVirtualClock(clock, beforeEach).finally(() => (driving = undefined));
    },
  });
  installVirtualTimers(clock);

  await import(pathToFileURL(lesson.script).href);
  while (driving) await driving;
  if (settings.step) process.stdin.destroy();
}

async function main(): Promise<void> {
  // `npm run lesson 03 | head` closes the pipe early; that ends the run quietly, not with a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });

  const argv = process.argv.slice(2);
  const language =
    parseLanguage(argv[argv.indexOf('--lang') + 1] ?? '') ?? detectLanguage(argv, process.env);
  const text = pick(runnerMessages, language);
  const lessons = listLessons();

  let settings: RunSettings;
  try {
    settings = parseCommandLine(argv, process.env, text, language, lessons);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`lesson: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }

  if (settings.help) return printHelp(settings, text);
  if (!settings.lesson) return printList(lessons, text, language);
  await runLesson(settings, text);
}

await main();
