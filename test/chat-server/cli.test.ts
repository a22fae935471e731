// The chat server CLI: every bad flag or environment value is one line on stderr and exit code 2;
// --help is bilingual and lists every option.
import { execFile } from 'node:child_process';
import { describe, expect, it, test } from 'vitest';

import { flagOf, OPTION_SPECS, parseCli } from '../../chat/server/config.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with a clean locale so that the language comes only from the test. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'chat/server/main.ts', ...args],
      {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
        timeout: 20_000,
      },
      (error, stdout, stderr) => {
        let code: number | null = 0;
        if (error) code = typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('chat server CLI', () => {
  test.concurrent.each([
    [['--port', '70000'], 'invalid value "70000" for --port: expected an integer from 0 to 65535'],
    [['--port', 'abc'], 'invalid value "abc" for --port: expected an integer from 0 to 65535'],
    [['--max-message-graphemes', '0'], 'invalid value "0" for --max-message-graphemes'],
    [
      ['--max-frame-bytes', '10'],
      'invalid value "10" for --max-frame-bytes: expected an integer from 1024',
    ],
    [['--rate-burst=-1'], 'invalid value "-1" for --rate-burst'],
    [['--heartbeat-interval-ms', '1.5'], 'invalid value "1.5" for --heartbeat-interval-ms'],
    [['--log-format', 'xml'], 'invalid value "xml" for --log-format: expected one of pretty, json'],
    [['--log-level', 'loud'], 'invalid value "loud" for --log-level: expected one of trace, debug'],
    [['--allowed-origins', 'not-a-url'], 'invalid origin "not-a-url" in --allowed-origins'],
    [
      ['--per-message-deflate', 'maybe'],
      'invalid value "maybe" for --per-message-deflate: expected true or false',
    ],
    [['--lang', 'fr'], 'invalid value "fr" for --lang: expected one of ja, en'],
    [['--no-such-flag'], 'unknown option "--no-such-flag": see npm run chat -- --help'],
    [['--port'], 'option --port needs a value, e.g. --port 3000'],
    [['extra'], 'unexpected argument "extra": this command takes options only'],
  ])('rejects %j with one line and exit 2', async (args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^loopchat chat: /);
    expect(run.stderr).toContain(expected);
  });

  it('names the environment variable of a bad value', async () => {
    const run = await runCli([], { LOOPCHAT_PORT: 'abc' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'loopchat chat: invalid value "abc" for LOOPCHAT_PORT: expected an integer from 0 to 65535\n',
    );
  });

  it('reports errors in Japanese for a Japanese locale', async () => {
    const run = await runCli(['--port', '70000'], { LANG: 'ja_JP.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'loopchat chat: --port の値 "70000" は無効です。0 から 65535 までの整数を指定してください\n',
    );
  });

  test.concurrent.each([
    ['en', 'Usage: npm run chat', 'Token bucket size'],
    ['ja', '使い方: npm run chat', 'トークンバケットの容量'],
  ])('prints %s help listing every option', async (lang, usage, sample) => {
    const run = await runCli(['--help', '--lang', lang]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(usage)).toBe(true);
    expect(run.stdout).toContain(sample);
    for (const [name, spec] of Object.entries(OPTION_SPECS)) {
      expect(run.stdout).toContain(flagOf(name));
      expect(run.stdout).toContain(spec.env);
    }
  });

  it('names env variables after their flags', () => {
    for (const [name, spec] of Object.entries(OPTION_SPECS)) {
      if (name === 'redis') continue; // REDIS_URL is the name hosting platforms set.
      const fromFlag = `LOOPCHAT_${flagOf(name).slice(2).replaceAll('-', '_').toUpperCase()}`;
      expect(spec.env).toBe(fromFlag);
    }
  });

  describe('parseCli', () => {
    it('lets a flag override its environment variable', () => {
      const result = parseCli(
        ['--port', '4000'],
        { LOOPCHAT_PORT: '5000', LOOPCHAT_RATE_BURST: '7' },
        'en',
      );
      expect(result).toMatchObject({ kind: 'run', config: { port: 4000, rateBurst: 7 } });
    });

    it('normalises allowed origins', () => {
      const result = parseCli(
        ['--allowed-origins', 'http://LOCALHOST:5173, https://chat.example/'],
        {},
        'en',
      );
      expect(result).toMatchObject({
        kind: 'run',
        config: { allowedOrigins: ['http://localhost:5173', 'https://chat.example'] },
      });
    });

    test.each([
      ['true', true],
      ['1', true],
      ['off', false],
    ])('reads %s as %s for a boolean option', (value, expected) => {
      const result = parseCli(['--per-message-deflate', value], {}, 'en');
      expect(result).toMatchObject({ kind: 'run', config: { perMessageDeflate: expected } });
    });
  });
});
