// The command line of `npm run bench`: options that npm kept because they came before `--`,
// and arguments that are the values of such options.

import { describe, expect, it } from 'vitest';

import { parseBenchArgs } from '../../bench/args.ts';

describe('parseBenchArgs', () => {
  describe('options before --', () => {
    it('rejects --clients=200 kept by npm', () => {
      expect(parseBenchArgs([], 'en', { npm_config_clients: '200' })).toEqual({
        kind: 'error',
        message:
          'options before -- go to npm, not to the benchmark (npm kept --clients 200): put them after --, e.g. npm run bench -- --clients 200',
      });
    });

    it('names every option npm kept', () => {
      const env = { npm_config_ramp_steps: '2', npm_config_broadcasts: '10' };
      expect(parseBenchArgs([], 'en', env)).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('e.g. npm run bench -- --broadcasts 10 --ramp-steps 2'),
      });
    });

    it('reports in Japanese', () => {
      expect(parseBenchArgs([], 'ja', { npm_config_timeout: '30' })).toEqual({
        kind: 'error',
        message:
          '-- より前のオプションは npm が受け取るため、ベンチマークには届きません（npm が受け取ったもの: --timeout 30）。オプションは -- の後に書いてください（例: npm run bench -- --timeout 30）',
      });
    });

    it('leaves npm_config_json to npm, which defines json itself', () => {
      const parsed = parseBenchArgs([], 'en', { npm_config_json: 'true', npm_config_yes: '' });
      expect(parsed.kind).toBe('run');
    });

    it('accepts an option that also reached argv', () => {
      const parsed = parseBenchArgs(['--clients', '20'], 'en', { npm_config_clients: 'true' });
      expect(parsed).toMatchObject({ kind: 'run', settings: { clients: 20 } });
    });
  });

  it('rejects an argument with the -- fix', () => {
    expect(parseBenchArgs(['out.json'], 'en')).toEqual({
      kind: 'error',
      message:
        'unexpected argument "out.json": put options after --, e.g. npm run bench -- --clients 200',
    });
  });

  it('uses the defaults without options', () => {
    expect(parseBenchArgs([], 'en', {})).toEqual({
      kind: 'run',
      settings: {
        clients: 1_000,
        broadcasts: 50,
        processes: 2,
        rampSteps: 8,
        timeoutSeconds: 900,
        jsonFile: undefined,
      },
    });
  });
});
