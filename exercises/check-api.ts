// The contract between verify and an exercise's check.ts: what a check receives and returns.
// A check runs in its own child process (see run-check.ts), so it may install virtual timers,
// open sockets on 127.0.0.1 and import the student's file without affecting verify itself.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Returns the first line of an error message, for a one-line report of what the student's code threw. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
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
