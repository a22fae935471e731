// Runs the exercise commands (verify, hint, reset) in a child process, as npm run does, with a
// private progress file so that tests never touch the learner's progress.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { neutralEnv, REPO_ROOT, type RunResult } from '../support/run-lesson.ts';

export type ExerciseCommand = 'verify' | 'hint' | 'reset';

/**
 * Commands that may run at once. Each child starts Node with the TypeScript loader, which keeps
 * a core busy for about half a second, so on a 2-core machine more children only queue for CPU.
 */
const MAX_PARALLEL_COMMANDS = 3;

let runningCommands = 0;
const waitingCommands: Array<() => void> = [];

/** Waits until fewer than MAX_PARALLEL_COMMANDS commands run, then returns the function that frees the slot. */
async function takeCommandSlot(): Promise<() => void> {
  if (runningCommands >= MAX_PARALLEL_COMMANDS)
    await new Promise<void>((resolve) => waitingCommands.push(resolve));
  runningCommands++;
  return () => {
    runningCommands--;
    waitingCommands.shift()?.();
  };
}

/** Creates a fresh temporary folder for one test. */
export function temporaryFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'loopchat-exercise-'));
}

export function commandEnv(progressFile: string): NodeJS.ProcessEnv {
  return neutralEnv({ LOOPCHAT_PROGRESS_FILE: progressFile });
}

/** Starts an exercise command; the caller reads its streams and ends it. */
export function startCommand(
  command: ExerciseCommand,
  args: string[],
  env: NodeJS.ProcessEnv = commandEnv(path.join(temporaryFolder(), 'progress.json')),
): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'exercises', `${command}.ts`), ...args],
    { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/**
 * Runs an exercise command to its end with empty stdin (not a terminal) and captures its output.
 * Tests may call it concurrently: at most MAX_PARALLEL_COMMANDS children run at a time.
 */
export async function runCommand(
  command: ExerciseCommand,
  args: string[],
  env?: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<RunResult> {
  const releaseSlot = await takeCommandSlot();
  try {
    return await runToEnd(command, args, env, timeoutMs);
  } finally {
    releaseSlot();
  }
}

function runToEnd(
  command: ExerciseCommand,
  args: string[],
  env: NodeJS.ProcessEnv | undefined,
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = startCommand(command, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    child.stdin.end();
  });
}
