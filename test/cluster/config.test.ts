// The cluster options of the chat server CLI: `--redis` / REDIS_URL are validated like every
// other option (one bilingual line, exit code 2) and never echo a password.
import { spawnSync } from 'node:child_process';
import { describe, expect, it, test } from 'vitest';

import { parseCli } from '../../chat/server/config.ts';
import { neutralEnv, REPO_ROOT } from '../support/run-lesson.ts';

describe('chat server config', () => {
  describe('--redis', () => {
    it('accepts a redis URL from the flag', () => {
      const parsed = parseCli(['--redis', 'redis://127.0.0.1:6380'], {}, 'en');
      expect(parsed).toMatchObject({ kind: 'run', config: { redis: 'redis://127.0.0.1:6380' } });
    });

    it('reads REDIS_URL', () => {
      const parsed = parseCli([], { REDIS_URL: 'rediss://cache.internal:6379' }, 'en');
      expect(parsed).toMatchObject({ config: { redis: 'rediss://cache.internal:6379' } });
    });

    it('defaults to the in-memory hub', () => {
      expect(parseCli([], {}, 'en')).toMatchObject({ config: { redis: '' } });
    });

    test.each([
      ['en', 'invalid Redis URL "http://127.0.0.1:6379" for --redis: expected redis://host:port'],
      ['ja', '--redis の Redis URL "http://127.0.0.1:6379" は無効です。'],
    ] as const)('rejects an http URL in %s', (language, expected) => {
      const parsed = parseCli(['--redis', 'http://127.0.0.1:6379'], {}, language);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toContain(expected);
    });

    it('hides the password of a rejected URL', () => {
      const parsed = parseCli([], { REDIS_URL: 'redis//user:s3cret@host' }, 'en');
      expect(parsed.kind).toBe('error');
      const message = parsed.kind === 'error' ? parsed.message : '';
      expect(message).toContain('REDIS_URL');
      expect(message).not.toContain('s3cret');
    });

    it('exits 2 with one line on a bad URL', () => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'chat/server/main.ts', '--redis', 'localhost:6379'],
        { cwd: REPO_ROOT, env: neutralEnv(), encoding: 'utf8' },
      );
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('invalid Redis URL "localhost:6379" for --redis');
    });
  });
});
