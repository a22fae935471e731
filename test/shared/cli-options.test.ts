// Tests of the shared option parser: values, a short alias, and each usage error in both
// languages, so that no Node parseArgs message in English reaches a Japanese user.
import { describe, expect, it } from 'vitest';

import { CliUsageError, parseOptions, type OptionSpec } from '../../shared/cli-options.ts';

const OPTIONS: Record<string, OptionSpec> = {
  name: { type: 'string', example: '--name alice' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const EN = { script: 'tool', language: 'en' } as const;
const JA = { script: 'tool', language: 'ja' } as const;

/** Returns the message of the CliUsageError that parsing throws. */
function usageError(argv: string[], context: typeof EN | typeof JA = EN): string {
  try {
    parseOptions(argv, OPTIONS, context);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
}

describe('parseOptions', () => {
  it('reads values, flags and a short alias', () => {
    expect(parseOptions(['--name', 'bob', '--url=ws://x', '-h'], OPTIONS, EN)).toEqual({
      name: 'bob',
      url: 'ws://x',
      help: true,
    });
  });

  it('lets a later occurrence win', () => {
    expect(parseOptions(['--name', 'a', '--name', 'b'], OPTIONS, EN)).toEqual({ name: 'b' });
  });

  it('accepts an empty value given with =', () => {
    expect(parseOptions(['--name='], OPTIONS, EN)).toEqual({ name: '' });
  });

  it.each([
    [['--colour', 'red'], 'unknown option "--colour": see npm run tool -- --help'],
    [['-x'], 'unknown option "-x": see npm run tool -- --help'],
    [['--name'], 'option --name needs a value, e.g. --name alice'],
    [['--url'], 'option --url needs a value, e.g. --url VALUE'],
    [['--help=yes'], 'option --help takes no value; give it alone'],
    [
      ['stray'],
      'unexpected argument "stray": this command takes options only, see npm run tool -- --help',
    ],
  ])('rejects %j', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it('rejects an option that npm kept before --', () => {
    const context = { ...EN, env: { npm_config_name: 'bob', npm_config_help: 'true' } };
    expect(() => parseOptions([], OPTIONS, context)).toThrow(
      'options before -- go to npm, not to this command (npm kept --name bob --help): put them after --, e.g. npm run tool -- --name bob --help',
    );
  });

  it('ignores npm configs that reached argv too', () => {
    const context = { ...EN, env: { npm_config_name: 'bob' } };
    expect(parseOptions(['--name', 'carol'], OPTIONS, context)).toEqual({ name: 'carol' });
  });

  it.each([
    [['--colour'], 'オプション "--colour" はありません。npm run tool -- --help を参照してください'],
    [['--name'], 'オプション --name には値が必要です（例: --name alice）'],
    [['--help=yes'], 'オプション --help は値を取りません。オプション名だけを指定してください'],
    [
      ['stray'],
      '引数 "stray" は使えません。このコマンドはオプションだけを受け取ります。npm run tool -- --help を参照してください',
    ],
  ])('rejects %j in Japanese', (argv, message) => {
    expect(usageError(argv, JA)).toBe(message);
  });
});
