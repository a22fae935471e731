// The command lines of verify, hint and reset: exit codes 0, 1 and 2, their messages in both
// languages, progress recording, and reset's confirmation and backup. Each case spawns its own
// command with its own temporary folder and progress file, so the cases run concurrently.

import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { confirm } from '../../exercises/confirm.ts';
import { findExercises, formatLessonNumbers, listExercises } from '../../exercises/registry.ts';
import { REPO_ROOT } from '../support/run-lesson.ts';
import { commandEnv, runCommand, temporaryFolder } from './support.ts';

const [ticker] = findExercises(listExercises(), '03');
const PRISTINE_TICKER = path.join(ticker!.directory, 'pristine', 'ticker.ts');
const SOLUTION_TICKER = path.join(ticker!.directory, 'solution', 'ticker.ts');
const LESSON_NUMBERS = formatLessonNumbers(listExercises().map((exercise) => exercise.lesson));

/** Creates a temporary folder containing a copy of `source` named ticker.ts. */
function tickerFolder(source: string): string {
  const folder = temporaryFolder();
  copyFileSync(source, path.join(folder, 'ticker.ts'));
  return folder;
}

describe.concurrent('verify', () => {
  // The longest case (one check per exercise, one after another) starts first.
  it('checks every exercise in lesson order', async ({ expect }) => {
    const result = await runCommand('verify', ['--use', 'solution', '--lang', 'en']);
    const ids = listExercises().map((exercise) => exercise.id);
    expect(result.code).toBe(0);
    const checked = [...result.stdout.matchAll(/^✓ (\S+)/gm)].map((match) => match[1]);
    expect(checked).toEqual(ids);
    expect(result.stdout).toContain(`All ${ids.length} exercises are done.`);
  });

  it('exits 0 for the reference solution', async ({ expect }) => {
    const result = await runCommand('verify', ['03', '--use', 'solution', '--lang', 'en']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '✓ 03  Stop a recurring timer after N ticks (done)\n\nThe exercise is done.\n',
    );
  });

  it('exits 1 and shows the first difference for the pristine file', async ({ expect }) => {
    const result = await runCommand('verify', ['03', '--use', 'pristine', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ 03  Stop a recurring timer after N ticks (not done)');
    expect(result.stdout).toContain(
      `edit: ${path.join('lessons', '03-timers', 'exercise', 'pristine', 'ticker.ts')}`,
    );
    expect(result.stdout).toContain('first difference at line 5:');
    expect(result.stdout).toMatch(
      /> {3}timers still pending afterwards: 0 │ {3}\[\+4000ms\] onTick\(4\)/,
    );
    expect(result.stdout).toContain('hint: npm run hint 03');
  });

  it('reports in Japanese with --lang ja', async ({ expect }) => {
    const result = await runCommand('verify', ['12', '--use', 'pristine', '--lang', 'ja']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ 12  コードユニットではなく書記素を数える（未完了）');
    expect(result.stdout).toContain(
      'countGraphemes("😀" × 20) が 40 を返しましたが、期待値は 20 です',
    );
    expect(result.stdout).toContain('ヒント: npm run hint 12');
  });

  it('checks the files in --dir', async ({ expect }) => {
    const result = await runCommand('verify', ['03', '--dir', tickerFolder(SOLUTION_TICKER)]);
    expect(result.code).toBe(0);
  });

  it('names the file, line and column of a syntax error', async ({ expect }) => {
    // A temporary folder lies outside the repository, so the path stays absolute.
    const folder = realpathSync(temporaryFolder());
    const file = path.join(folder, 'ticker.ts');
    writeFileSync(file, 'export function startTicker(maxTicks: number {\n  return 1;\n}\n');

    const result = await runCommand('verify', ['03', '--dir', folder, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `\n    ${folder} could not be loaded: TransformError: ${file}:1:46: Expected ")" but found "{"\n`,
    );
  });

  it('records progress only for the working files', async ({ expect }) => {
    const progress = path.join(temporaryFolder(), 'progress.json');
    await runCommand('verify', ['03', '--use', 'solution'], commandEnv(progress));
    expect(existsSync(progress)).toBe(false);

    const result = await runCommand('verify', ['03'], commandEnv(progress));
    const recorded = JSON.parse(readFileSync(progress, 'utf8')) as Record<
      string,
      { done: boolean }
    >;
    expect(recorded['03']?.done).toBe(result.code === 0);
  });

  it.for<[string[], string]>([
    [['99'], 'verify: no exercise "99": use one of 01, 02, 03, 04, 04/callbacks'],
    [['--watchh'], 'verify: unknown option "--watchh": see npm run verify -- --help'],
    [['03', '--lang', 'fr'], 'verify: invalid --lang "fr": use ja or en'],
    [['03', '--use', 'mine'], 'verify: invalid --use "mine": use solution or pristine'],
    [['03', '--poll'], 'verify: --poll only works together with --watch'],
    [['05', '--dir', '.'], 'verify: --dir needs exactly one exercise, but "05" names several'],
    [['03', '--dir', 'no-such-folder'], 'verify: --dir "no-such-folder" is not a folder'],
    [['03', '12'], 'verify: unexpected argument "12": name one exercise'],
  ])('exits 2 for %j', async ([args, message], { expect }) => {
    const language = args.includes('--lang') ? [] : ['--lang', 'en'];
    const result = await runCommand('verify', [...args, ...language]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('prints a usage error in Japanese', async ({ expect }) => {
    const result = await runCommand('verify', ['99', '--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^verify: 演習 "99" はありません。/);
  });
});

describe.concurrent('hint', () => {
  it('prints the hint in the chosen language', async ({ expect }) => {
    const hint = readFileSync(path.join(ticker!.directory, 'hint.ja.md'), 'utf8').trimEnd();
    const result = await runCommand('hint', ['3', '--lang', 'ja']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`03 のヒント: 繰り返しタイマーを N 回で止める\n\n${hint}\n`);
  });

  it('prints every hint of a lesson with several exercises', async ({ expect }) => {
    const result = await runCommand('hint', ['05', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hint for 05/microtasks:');
    expect(result.stdout).toContain('Hint for 05/phases:');
  });

  it.for<[string[], string]>([
    [[], `hint: name an exercise by its lesson number (${LESSON_NUMBERS}), e.g. npm run hint 03\n`],
    [['42'], 'hint: no exercise "42"'],
    [['03', '--yes'], 'hint: unknown option "--yes"'],
  ])('exits 2 for %j', async ([args, message], { expect }) => {
    const result = await runCommand('hint', [...args, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('lists lesson numbers in Japanese', async ({ expect }) => {
    const result = await runCommand('hint', ['--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `hint: 演習をレッスン番号（${LESSON_NUMBERS}）で指定してください。例: npm run hint 03\n`,
    );
  });
});

describe.concurrent('reset', () => {
  it('restores the pristine file and keeps a backup', async ({ expect }) => {
    const folder = tickerFolder(SOLUTION_TICKER);
    const result = await runCommand('reset', ['03', '--dir', folder, '--yes', '--lang', 'en']);

    expect(result.code).toBe(0);
    expect(readFileSync(path.join(folder, 'ticker.ts'), 'utf8')).toBe(
      readFileSync(PRISTINE_TICKER, 'utf8'),
    );
    const backups = readdirSync(folder).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^ticker\.ts\.\d{8}-\d{6}\.bak$/);
    expect(readFileSync(path.join(folder, backups[0]!), 'utf8')).toBe(
      readFileSync(SOLUTION_TICKER, 'utf8'),
    );
    expect(result.stdout).toContain(`your version is saved as `);
    expect(result.stdout).toContain(backups[0]);
  });

  it('keeps a second backup when reset twice in one second', async ({ expect }) => {
    const folder = tickerFolder(SOLUTION_TICKER);
    await runCommand('reset', ['03', '--dir', folder, '--yes']);
    writeFileSync(path.join(folder, 'ticker.ts'), '// my second try\n');
    await runCommand('reset', ['03', '--dir', folder, '--yes']);
    expect(readdirSync(folder).filter((name) => name.endsWith('.bak'))).toHaveLength(2);
  });

  // Without --yes and without a terminal, reset would refuse with exit code 2 if it meant to ask.
  it.for<[string[], string]>([
    [[], 'en'],
    [['--yes'], 'en'],
    [[], 'ja'],
  ])('leaves an untouched file alone with %j in %s', async ([args, language], { expect }) => {
    const folder = tickerFolder(PRISTINE_TICKER);
    const result = await runCommand('reset', ['03', '--dir', folder, ...args, '--lang', language]);
    const file = path.relative(REPO_ROOT, path.join(folder, 'ticker.ts'));

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      language === 'en'
        ? `nothing to reset: ${file} is already the original\n`
        : `${file} は元のままです。戻すものはありません\n`,
    );
    expect(readdirSync(folder)).toEqual(['ticker.ts']);
  });

  it('exits 2 without an exercise name', async ({ expect }) => {
    const result = await runCommand('reset', ['--yes', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `reset: name an exercise by its lesson number (${LESSON_NUMBERS}), e.g. npm run reset 03\n`,
    );
  });

  it('refuses without a terminal and without --yes', async ({ expect }) => {
    const folder = tickerFolder(SOLUTION_TICKER);
    const result = await runCommand('reset', ['03', '--dir', folder, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'reset: reset asks for confirmation, but there is no terminal to ask: run it in a terminal or add --yes\n',
    );
    expect(readFileSync(path.join(folder, 'ticker.ts'), 'utf8')).toBe(
      readFileSync(SOLUTION_TICKER, 'utf8'),
    );
  });

  it('exits 2 for an unknown exercise', async ({ expect }) => {
    const result = await runCommand('reset', ['77', '--yes', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^reset: no exercise "77"/);
  });
});

describe('formatLessonNumbers', () => {
  it.each<[string[], string]>([
    [['01', '02', '03', '04', '05'], '01–05'],
    [['01', '02', '04', '05', '06', '09'], '01, 02, 04–06, 09'],
    [['03', '03', '04', '11', '11', '11'], '03, 04, 11'],
    [['07'], '07'],
    [[], ''],
  ])('formats %j as %j', (lessons, expected) => {
    expect(formatLessonNumbers(lessons)).toBe(expected);
  });
});

describe('confirm', () => {
  async function answer(line: string): Promise<boolean> {
    const input = new PassThrough();
    const output = new PassThrough();
    const answered = confirm('Replace? [y/N] ', input, output);
    input.end(`${line}\n`);
    return answered;
  }

  it.each([
    ['y', true],
    ['Yes', true],
    ['はい', true],
    ['', false],
    ['n', false],
    ['yep', false],
  ])('treats %j as %s', async (line, expected) => {
    expect(await answer(line)).toBe(expected);
  });
});
