// Runs an exercise's check in a child process with a time limit, and turns every way the child
// can end (a result, a crash, the time limit) into a CheckResult.

import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { pick, type Language } from '../shared/i18n.ts';
import type { CheckResult } from './check-api.ts';
import { exerciseMessages } from './messages.ts';
import type { ExerciseInfo } from './registry.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..');
const CHILD = path.join(HERE, 'run-check.ts');

/**
 * Upper bound for one check. Checks run on virtual clocks and local sockets and take well under a
 * second; the limit only stops student code that never finishes, with room for a loaded machine.
 */
export const CHECK_TIMEOUT_MS = 20_000;

export function runCheck(
  exercise: ExerciseInfo,
  filesDir: string,
  language: Language,
  timeoutMs: number = CHECK_TIMEOUT_MS,
): Promise<CheckResult> {
  const text = pick(exerciseMessages, language);

  return new Promise((resolve) => {
    const child = fork(CHILD, [exercise.directory, filesDir, language], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    let result: CheckResult | undefined;
    // What the student's code prints is not part of the verdict; drain it so the child never blocks.
    child.stdout!.resume();
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('message', (message) => (result ??= message as CheckResult));

    const timer = setTimeout(() => {
      result ??= { ok: false, problem: text.checkTimedOut(timeoutMs / 1000) };
      child.kill('SIGKILL');
    }, timeoutMs);

    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lastLine = stderr.trim().split('\n').at(-1) ?? '';
      resolve(
        result ?? { ok: false, problem: text.checkCrashed(String(code ?? signal), lastLine) },
      );
    });
  });
}
