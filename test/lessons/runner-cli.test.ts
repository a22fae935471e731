// The lesson runner's command line: listing, every form of a lesson name, and every error path.

import { describe, expect, it } from 'vitest';

import { listLessons } from '../../lessons/runner/registry.ts';
import { neutralEnv, runLesson } from '../support/run-lesson.ts';

const lessons = listLessons();

describe('lesson runner', () => {
  describe('listing', () => {
    it('lists every lesson with number, title and summary', async () => {
      const result = await runLesson(['--lang', 'en']);
      expect(result.code).toBe(0);
      for (const lesson of lessons) {
        expect(result.stdout).toContain(
          `  ${lesson.number}  ${lesson.title.en}\n      ${lesson.summary.en}\n`,
        );
      }
    });

    it('lists in Japanese with --lang ja', async () => {
      const result = await runLesson(['--lang', 'ja']);
      expect(result.stdout).toContain('レッスン一覧');
      for (const lesson of lessons) expect(result.stdout).toContain(lesson.title.ja);
    });

    it('lists in Japanese when LANG is ja_JP.UTF-8', async () => {
      const result = await runLesson([], { env: neutralEnv({ LANG: 'ja_JP.UTF-8' }) });
      expect(result.stdout).toContain('レッスン一覧');
    });
  });

  describe('lesson names', () => {
    it.each(['03', '3', '03-timers'])('runs lesson 03 named %s', async (name) => {
      const result = await runLesson([name, '--deterministic', '--no-time']);
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(
        'loop start (the script has finished; the event loop now runs the timers)',
      );
    });
  });

  describe('options', () => {
    it('leaves out stamps with --no-time', async () => {
      const result = await runLesson(['03', '--deterministic', '--no-time']);
      expect(result.stdout).not.toMatch(/\[\+/);
    });

    it('releases one timer per Enter in step mode', async () => {
      const result = await runLesson(['03', '--step', '--lang', 'en'], { input: '\n\n\n\n\n\n\n' });
      expect(result.code).toBe(0);
      expect(result.stderr.match(/\(Enter: run the timer due at/g)).toHaveLength(6);
      expect(result.stdout).toContain('[+5000ms] clearInterval after 5 ticks');
    });

    it('prints help with lesson options', async () => {
      const result = await runLesson(['--help', '--lang', 'en']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: npm run lesson [NN] -- [options]');
      expect(result.stdout).toContain('--deterministic');
    });
  });

  describe('bad input', () => {
    it.each([
      [['99'], 'lesson: unknown lesson "99": use a number or folder name from'],
      [['timers'], 'lesson: unknown lesson "timers": use a number or folder name from'],
      [
        ['03', '--speed', '0'],
        'lesson: invalid --speed "0": use a number above 0 and at most 100, e.g. 0.25 or 10',
      ],
      [
        ['03', '--speed', 'abc'],
        'lesson: invalid --speed "abc": use a number above 0 and at most 100, e.g. 0.25 or 10',
      ],
      [
        ['03', '--speed', '-2'],
        'lesson: invalid --speed "-2": use a number above 0 and at most 100, e.g. 0.25 or 10',
      ],
      [
        ['03', '--speed=1000'],
        'lesson: invalid --speed "1000": use a number above 0 and at most 100, e.g. 0.25 or 10',
      ],
      [['03', '--lang', 'fr'], 'lesson: invalid --lang "fr": use ja or en'],
      [['03', '--bogus'], 'lesson: unknown option "--bogus": see npm run lesson -- --help'],
      [
        ['03', '--lang', 'en', '--speed'],
        'lesson: option --speed needs a value, e.g. --speed=VALUE',
      ],
      [['03', '--step=yes'], 'lesson: option --step takes no value'],
      [
        ['03', '10'],
        'lesson: unexpected argument "10": put options after --, e.g. npm run lesson 03 -- --speed 10',
      ],
    ])('rejects %j with exit code 2', async (args, message) => {
      const result = await runLesson(args.includes('--lang') ? args : [...args, '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(result.stderr.startsWith(message)).toBe(true);
    });

    describe('options before --', () => {
      // npm 11 keeps `npm run lesson 03 --deterministic` for itself and exports this variable.
      it('rejects --deterministic kept by npm', async () => {
        const env = neutralEnv({ npm_config_deterministic: 'true' });
        const result = await runLesson(['03', '--lang', 'en'], { env });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(
          'lesson: options before -- go to npm, not to the lesson runner (npm kept --deterministic): put them after --, e.g. npm run lesson 03 -- --deterministic\n',
        );
      });

      it('rejects --no-time and a lesson option kept by npm', async () => {
        const env = neutralEnv({ npm_config_time: '', npm_config_clients: '100' });
        const result = await runLesson(['13', '--lang', 'en'], { env });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('e.g. npm run lesson 13 -- --no-time --clients 100\n');
      });

      it('reports in Japanese with --lang ja', async () => {
        const env = neutralEnv({ npm_config_speed: '10' });
        const result = await runLesson(['03', '--lang', 'ja'], { env });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
          'lesson: -- より前のオプションは npm が受け取るため、レッスンランナーには届きません（npm が受け取ったもの: --speed 10）。オプションは -- の後に書いてください（例: npm run lesson 03 -- --speed 10）\n',
        );
      });

      it('runs when the option also came after --', async () => {
        const env = neutralEnv({ npm_config_deterministic: 'true' });
        const result = await runLesson(['03', '--deterministic', '--no-time'], { env });
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
      });
    });

    it('reports an error in Japanese with --lang ja', async () => {
      const result = await runLesson(['99', '--lang', 'ja']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^lesson: レッスン "99" は見つかりません。/);
    });
  });
});
