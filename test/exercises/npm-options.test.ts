// verify, hint and reset reject options that npm kept because they came before `--`, e.g.
// `npm run verify 03 --watch`, which would otherwise run once without watching.

import { describe, expect, it } from 'vitest';

import { parseCommandLine, UsageError } from '../../exercises/cli.ts';
import { npmOptionMessages } from '../../exercises/npm-options.messages.ts';
import { checkCatalogue } from '../../shared/i18n.ts';

const VERIFY_OPTIONS = {
  watch: { type: 'boolean' },
  poll: { type: 'boolean' },
  use: { type: 'string' },
  dir: { type: 'string' },
} as const;

/** Returns the message of the UsageError that parsing throws. */
function usageErrorOf(argv: string[], env: NodeJS.ProcessEnv): string {
  try {
    parseCommandLine('verify', argv, VERIFY_OPTIONS, env);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`parseCommandLine accepted ${argv.join(' ')}`);
}

describe('exercise command line', () => {
  describe('options before --', () => {
    it('rejects --watch kept by npm', () => {
      expect(usageErrorOf(['03', '--lang', 'en'], { npm_config_watch: 'true' })).toBe(
        'options before -- go to npm, not to the exercise command (npm kept --watch): put them after --, e.g. npm run verify 03 -- --watch',
      );
    });

    it('rejects --use with its value passed on as an argument', () => {
      const message = usageErrorOf(['03', 'solution', '--lang', 'en'], { npm_config_use: 'true' });
      expect(message).toContain('(npm kept --use VALUE)');
      expect(message).toContain('e.g. npm run verify 03 -- --use VALUE');
    });

    it('reports in Japanese with --lang ja', () => {
      expect(usageErrorOf(['--lang', 'ja'], { npm_config_dir: 'mine' })).toBe(
        '-- より前のオプションは npm が受け取るため、演習のコマンドには届きません（npm が受け取ったもの: --dir mine）。オプションは -- の後に書いてください（例: npm run verify -- --dir mine）',
      );
    });

    it('accepts an option that also reached argv', () => {
      const parsed = parseCommandLine('verify', ['03', '--watch'], VERIFY_OPTIONS, {
        npm_config_watch: 'true',
      });
      expect(parsed.values.watch).toBe(true);
    });

    it('accepts npm variables of other names', () => {
      const parsed = parseCommandLine('verify', ['03'], VERIFY_OPTIONS, {
        npm_config_yes: '',
        npm_config_cache: '/root/.npm',
      });
      expect(parsed.name).toBe('03');
    });
  });

  it('has the same npm-option message keys in ja and en', () => {
    expect(checkCatalogue(npmOptionMessages)).toEqual([]);
  });
});
