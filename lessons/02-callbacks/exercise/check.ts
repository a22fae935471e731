// Check of exercise 02: calls readConfig with a valid file, a missing file and a file with
// invalid JSON. Each time the callback must run exactly once, after readConfig has returned,
// with (null, config) or with an error, and nothing may be thrown.
// NOTE: an error thrown later from a callback is caught through run-check.ts, so this check
// only gives its own message inside verify's child process, not when imported elsewhere.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextLoopTurn } from 'node:timers/promises';

import { pick } from '../../../shared/i18n.ts';
import {
  catchUncaught,
  describeError,
  type Check,
  type CheckResult,
} from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type ConfigModule = typeof import('./pristine/read-config.ts');
type Text = typeof messages.en;

const WAIT_LIMIT_MS = 5_000;
// Loop turns to wait after the first call, to see a second call from the same read.
const SETTLE_TURNS = 10;

interface Outcome {
  calls: Array<{ error: unknown; config: unknown }>;
  thrown: unknown;
  synchronous: boolean;
}

/** Calls readConfig once, catching what it throws now or later from its readFile callback. */
async function callReadConfig(
  readConfig: ConfigModule['readConfig'],
  file: string,
): Promise<Outcome> {
  const outcome: Outcome = { calls: [], thrown: undefined, synchronous: false };
  let returned = false;
  let resolveFirst!: () => void;
  const first = new Promise<void>((resolve) => (resolveFirst = resolve));

  // An exception thrown inside the readFile callback reaches no caller, only the process.
  const stopCatching = catchUncaught((error) => {
    outcome.thrown ??= error;
    resolveFirst();
  });
  try {
    readConfig(file, (error, config) => {
      if (!returned) outcome.synchronous = true;
      outcome.calls.push({ error, config });
      resolveFirst();
    });
  } catch (error) {
    outcome.thrown = error;
  }
  returned = true;

  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    first,
    new Promise((resolve) => (timer = setTimeout(resolve, WAIT_LIMIT_MS))),
  ]);
  clearTimeout(timer);
  for (let turn = 0; turn < SETTLE_TURNS && outcome.thrown === undefined; turn++)
    await nextLoopTurn();
  stopCatching();
  return outcome;
}

function judge(
  outcome: Outcome,
  situation: string,
  expectError: boolean,
  t: Text,
): CheckResult | undefined {
  if (outcome.thrown !== undefined)
    return { ok: false, problem: t.threw(situation, describeError(outcome.thrown)) };
  if (outcome.calls.length !== 1)
    return { ok: false, problem: t.calledTimes(situation, outcome.calls.length) };
  if (outcome.synchronous) return { ok: false, problem: t.calledSynchronously(situation) };
  const [{ error, config }] = outcome.calls as [{ error: unknown; config: unknown }];
  if (expectError && !(error instanceof Error)) {
    const received = `(${error === null ? 'null' : String(error)}, ${JSON.stringify(config)})`;
    return { ok: false, problem: t.expectedError(situation, received) };
  }
  return undefined;
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { readConfig } = await context.importFile<ConfigModule>('read-config.ts');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'loopchat-02-'));
  try {
    const config = { port: 8080, room: 'ロビー', origins: ['http://127.0.0.1:8080'] };
    const valid = path.join(folder, 'config.json');
    writeFileSync(valid, JSON.stringify(config));
    const broken = path.join(folder, 'broken.json');
    writeFileSync(broken, '{ "port": 8080, ');

    const success = await callReadConfig(readConfig, valid);
    const successProblem = judge(success, t.validFile, false, t);
    if (successProblem) return successProblem;
    const [call] = success.calls;
    if (call!.error !== null || JSON.stringify(call!.config) !== JSON.stringify(config)) {
      const received = `(${String(call!.error)}, ${JSON.stringify(call!.config)})`;
      return { ok: false, problem: t.expectedConfig(received, JSON.stringify(config)) };
    }

    for (const [file, situation] of [
      [path.join(folder, 'missing.json'), t.missingFile],
      [broken, t.brokenFile],
    ] as const) {
      const problem = judge(await callReadConfig(readConfig, file), situation, true, t);
      if (problem) return problem;
    }
    return { ok: true };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

export default check;
