// The check behind every predict-the-output quiz: runs the quiz script in a fresh Node process,
// takes the order it really printed as the answer key, and compares the student's answer file.
// The key is computed on every run and never stored, so there is nothing to regenerate or copy.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { pick } from '../shared/i18n.ts';
import type { CheckContext, CheckResult } from './check-api.ts';
import { describeError } from './check-api.ts';
import { exerciseMessages } from './messages.ts';

const run = promisify(execFile);

const QUIZ_TIMEOUT_MS = 10_000;

/**
 * Reads an answer file: letters separated by new lines, spaces or commas; `#` starts a comment.
 * Letters are compared in upper case.
 */
export function parseAnswer(content: string): string[] {
  return content
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .join(' ')
    .split(/[\s,]+/)
    .filter((token) => token !== '')
    .map((token) => token.toUpperCase());
}

/** Runs `quizScript` (a TypeScript file) and compares its printed lines with the answer file. */
export async function checkQuiz(
  context: CheckContext,
  quizScript: string,
  answerFile: string,
): Promise<CheckResult> {
  const text = pick(exerciseMessages, context.language);

  let printed: string;
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', quizScript], {
      cwd: path.dirname(quizScript),
      timeout: QUIZ_TIMEOUT_MS,
    });
    printed = stdout;
  } catch (error) {
    return {
      ok: false,
      problem: text.quizScriptFailed(path.basename(quizScript), describeError(error)),
    };
  }
  const expected = printed.split('\n').filter((line) => line !== '');
  const answer = parseAnswer(readFileSync(context.file(answerFile), 'utf8'));

  const seen = new Set<string>();
  for (const letter of answer) {
    if (!expected.includes(letter))
      return { ok: false, problem: text.quizUnknownLetter(letter, [...expected].sort().join(' ')) };
    if (seen.has(letter)) return { ok: false, problem: text.quizDuplicateLetter(letter) };
    seen.add(letter);
  }

  const same =
    answer.length === expected.length &&
    answer.every((letter, index) => letter === expected[index]);
  return same ? { ok: true } : { ok: false, expected, actual: answer };
}
