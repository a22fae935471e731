// What a lesson script imports to print its story: `log` with elapsed-time stamps, its messages
// in the learner's language, durations, and the lesson's own command-line options.
// The lesson runner configures all of it before it imports the lesson; a lesson started directly
// with `npx tsx lessons/NN-…/lesson.ts` gets real time and the language of its environment.

import { createElapsedLogger, HIDDEN_DURATION, type ElapsedLogger } from './elapsed-logger.ts';
import { detectLanguage, pick, type Catalogue, type Language, type Message } from './i18n.ts';

export interface LessonContext {
  language: Language;
  /** Show `[+…ms]` stamps. */
  timestamps: boolean;
  /**
   * Hide what varies from run to run in a lesson that does real I/O: stamps, durations printed
   * through `formatDuration`, and port numbers of 127.0.0.1 addresses.
   */
  normalise: boolean;
  /** True on the virtual clock: durations are exact and printed as they are. */
  virtualTime: boolean;
  /** Values of the options the lesson declares in its lesson.json. */
  options: Record<string, string | boolean | undefined>;
  write: (line: string) => void;
}

let context: LessonContext | undefined;
let logger: ElapsedLogger | undefined;

/** Sets up the lesson environment; the runner calls it once before it imports the lesson. */
export function configureLesson(settings: LessonContext): void {
  context = settings;
  logger = undefined;
}

function currentContext(): LessonContext {
  context ??= {
    language: detectLanguage(process.argv, process.env),
    timestamps: true,
    normalise: false,
    virtualTime: false,
    options: {},
    write: (line) => process.stdout.write(`${line}\n`),
  };
  return context;
}

const LOCAL_ADDRESS_WITH_PORT = /127\.0\.0\.1:\d+/g;

/** Prints one line (or several, split on newlines) of lesson output, stamped with elapsed time. */
export function log(text: string): void {
  const settings = currentContext();
  logger ??= createElapsedLogger({
    now: () => performance.now(),
    write: settings.write,
    timestamps: settings.timestamps,
    hideTimes: settings.normalise,
  });
  logger(settings.normalise ? text.replace(LOCAL_ADDRESS_WITH_PORT, '127.0.0.1:PORT') : text);
}

/** Returns this lesson's messages in the learner's language. */
export function useMessages<T extends Record<string, Message>>(catalogue: Catalogue<T>): T {
  return pick(catalogue, currentContext().language);
}

/** Returns the learner's language, for the few places where a lesson formats something itself. */
export function lessonLanguage(): Language {
  return currentContext().language;
}

/** Formats a measured duration, hidden where it would make the expected output vary. */
export function formatDuration(ms: number): string {
  return currentContext().normalise ? `${HIDDEN_DURATION} ms` : `${Math.round(ms)} ms`;
}

/** Formats a value that varies from run to run (a byte count with a Date header, a delay). */
export function formatVarying(value: string): string {
  return currentContext().normalise ? HIDDEN_DURATION : value;
}

/** Returns the value of an option the lesson declares in its lesson.json (`--port 4000` → `'4000'`). */
export function lessonOption(name: string): string | boolean | undefined {
  return currentContext().options[name];
}

/**
 * Returns a `log` for `count` lines whose relative order Node does not fix, such as a
 * setTimeout(0) and a setImmediate scheduled in the main module. A normal run prints each line as
 * it comes. A normalised run (--deterministic) buffers them until all `count` have come and prints
 * them sorted, so that the expected output does not vary. `afterLast` runs once all are printed.
 */
export function logInEitherOrder(count: number, afterLast?: () => void): (text: string) => void {
  const buffered: string[] = [];
  let logged = 0;
  return (text: string) => {
    logged++;
    if (currentContext().normalise) buffered.push(text);
    else log(text);

    if (logged !== count) return;
    for (const line of buffered.sort()) log(line);
    afterLast?.();
  };
}
