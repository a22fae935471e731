// Runs the lesson runner in a child process, as `npm run lesson` does, and captures its output.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RUNNER = path.join(REPO_ROOT, 'lessons', 'runner', 'main.ts');
export const EXPECTED_DIR = path.join(REPO_ROOT, 'test', 'lessons', 'expected');

/**
 * Extra command-line arguments for a lesson's expected-output runs, e.g. lesson 08 serves until
 * Ctrl+C unless `--client` makes it run its own client and exit. Used by the expected-output test
 * (both runs) and by `npm run expected:update`.
 */
export const EXTRA_ARGS: Record<string, string[]> = { '08': ['--client'] };

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** The environment with every locale variable removed, so that only `--lang` picks the language. */
export function neutralEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[name];
  return { ...env, ...extra };
}

export function runLesson(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], {
      cwd: REPO_ROOT,
      env: options.env ?? neutralEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `lesson runner ${args.join(' ')} timed out after ${options.timeoutMs ?? 20_000} ms`,
        ),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });

    child.stdin.end(options.input ?? '');
  });
}

/** Path of a lesson's expected-output file, e.g. `03-timers.ja.txt`. */
export function expectedFile(folder: string, language: string): string {
  return path.join(EXPECTED_DIR, `${folder}.${language}.txt`);
}

/** Drops the `[+1002ms]` stamp of each line, leaving the text whose order a test compares. */
export function stripStamps(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^\[\+[ 0-9.]+ms\] /, ''));
}
