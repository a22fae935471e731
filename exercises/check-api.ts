// The contract between verify and an exercise's check.ts: what a check receives and returns.
// A check runs in its own child process (see run-check.ts), so it may install virtual timers,
// open sockets on 127.0.0.1 and import the student's file without affecting verify itself.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { Language } from '../shared/i18n.ts';

export interface CheckContext {
  /** Folder that contains the student files being checked (the student's, pristine or solution). */
  directory: string;
  language: Language;
  /** Absolute path of one student file. */
  file(name: string): string;
  /** Imports one student file as an ES module (a fresh process, so never a cached copy). */
  importFile<T>(name: string): Promise<T>;
}

/**
 * The outcome of a check. A failed output check carries both transcripts so verify can show the
 * first line that differs; a failed behaviour check carries one sentence in the student's
 * language saying which case failed and how.
 */
export type CheckResult =
  | { ok: true }
  | { ok: false; problem: string }
  | { ok: false; expected: string[]; actual: string[]; problem?: string };

/** An exercise's check.ts exports this as its default export. */
export type Check = (context: CheckContext) => Promise<CheckResult>;

export function createContext(directory: string, language: Language): CheckContext {
  const file = (name: string) => path.join(directory, name);
  return {
    directory,
    language,
    file,
    importFile: async <T>(name: string) => (await import(pathToFileURL(file(name)).href)) as T,
  };
}

/** Compares two transcripts line by line; a check returns this when its output is the proof. */
export function compareOutput(expected: string[], actual: string[]): CheckResult {
  const same =
    expected.length === actual.length && expected.every((line, index) => line === actual[index]);
  return same ? { ok: true } : { ok: false, expected, actual };
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One error line in the message of an esbuild transform error: `file:line:column: ERROR: text`. */
const ESBUILD_ERROR_LINE = /^(.+):(\d+):(\d+): ERROR: (.*)$/;
/** The line esbuild writes for an error that has no location. */
const ESBUILD_UNLOCATED_LINE = /^error: (.*)$/;

/** One entry of the `errors` array that esbuild attaches to the errors it throws. */
interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number } | null;
}

/**
 * Formats one esbuild error as `file:line:column: text`, with a path inside the repository
 * relative to its root. esbuild (0.28) counts columns from 0, but editors count from 1, so the
 * column is shifted by one.
 */
function formatLocated(file: string, line: number, column: number, text: string): string {
  const absolute = file.startsWith('file:') ? fileURLToPath(file) : file.split('?')[0]!;
  const relative = path.relative(REPO_ROOT, absolute);
  const outside =
    relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const displayed = outside ? absolute : relative;
  return `${displayed}:${line}:${column + 1}: ${text}`;
}

/**
 * Returns the first error of an esbuild transform failure, or undefined for any other error.
 * esbuild attaches an `errors` array. tsx (4.x) deletes that array and renames the error to
 * TransformError, so for tsx the error lines of the message are the only source.
 */
function describeTransformError(error: Error): string | undefined {
  const errors = (error as { errors?: unknown }).errors;
  const first = Array.isArray(errors) ? (errors[0] as EsbuildMessage | undefined) : undefined;
  if (typeof first?.text === 'string') {
    const { location } = first;
    return location
      ? formatLocated(location.file, location.line, location.column, first.text)
      : first.text;
  }
  if (error.name !== 'TransformError') return undefined;

  for (const line of error.message.split('\n').slice(1)) {
    const located = ESBUILD_ERROR_LINE.exec(line);
    if (located) {
      const [, file, lineNumber, column, text] = located;
      return formatLocated(file!, Number(lineNumber), Number(column), text!);
    }
    const unlocated = ESBUILD_UNLOCATED_LINE.exec(line);
    if (unlocated) return unlocated[1]!;
  }
  return undefined;
}

/**
 * Describes what the student's code threw in one line: the error name and the first line of its
 * message. For a syntax error found while transforming TypeScript, the first line only counts the
 * errors, so the first error's file, line, column and reason replace it.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const detail = describeTransformError(error) ?? error.message.split('\n')[0];
    return `${error.name}: ${detail}`;
  }
  return String(error).split('\n')[0]!;
}

let uncaughtHandler: ((error: unknown) => void) | undefined;

/**
 * Routes errors that the student's code throws later, from inside a callback, to `handler`
 * instead of ending the check with "your code threw". Returns the function that stops routing.
 * Works only in the check's child process, where run-check.ts listens for uncaught exceptions.
 */
export function catchUncaught(handler: (error: unknown) => void): () => void {
  uncaughtHandler = handler;
  return () => {
    if (uncaughtHandler === handler) uncaughtHandler = undefined;
  };
}

/** Passes an uncaught error to the handler a check installed; returns false when there is none. */
export function routeUncaught(error: unknown): boolean {
  if (!uncaughtHandler) return false;
  uncaughtHandler(error);
  return true;
}
