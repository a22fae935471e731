// Detection of options that npm kept because they came before `--`. The environment variables
// are the ones npm 11.19 exports for `npm run lesson 03 <option>`.

import { describe, expect, it } from 'vitest';

import { findOptionsTakenByNpm, npmRunCommand } from '../../shared/npm-options.ts';

const OPTIONS = {
  lang: { type: 'string' },
  speed: { type: 'string' },
  deterministic: { type: 'boolean' },
  'no-time': { type: 'boolean' },
  'ramp-steps': { type: 'string' },
  json: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

/** Variables that npm 11 exports on every run, whatever the command line. */
const NPM_BASE_ENV = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_cache: '/root/.npm',
  npm_config_yes: '',
  npm_config_audit: '',
  npm_config_prefix: '/usr',
};

describe('findOptionsTakenByNpm', () => {
  it.each([
    ['--deterministic', { npm_config_deterministic: 'true' }, ['--deterministic']],
    ['--speed=10', { npm_config_speed: '10' }, ['--speed 10']],
    ['--speed 10', { npm_config_speed: 'true' }, ['--speed VALUE']],
    ['--no-time', { npm_config_time: '' }, ['--no-time']],
    ['--ramp-steps=2', { npm_config_ramp_steps: '2' }, ['--ramp-steps 2']],
    ['--speed="1 0"', { npm_config_speed: '1 0' }, ["--speed '1 0'"]],
    [
      '--deterministic --no-time',
      { npm_config_deterministic: 'true', npm_config_time: '' },
      ['--deterministic', '--no-time'],
    ],
  ])('reports %s', (_typed, env, expected) => {
    expect(findOptionsTakenByNpm(['03'], { ...NPM_BASE_ENV, ...env }, OPTIONS)).toEqual(expected);
  });

  it('ignores the variables npm sets on every run', () => {
    expect(findOptionsTakenByNpm(['03'], NPM_BASE_ENV, OPTIONS)).toEqual([]);
  });

  it('ignores options that npm defines itself', () => {
    const env = { ...NPM_BASE_ENV, npm_config_json: 'true', npm_config_yes: 'true' };
    expect(findOptionsTakenByNpm([], env, OPTIONS)).toEqual([]);
  });

  it('ignores a negated option that restates the default', () => {
    const env = { ...NPM_BASE_ENV, npm_config_deterministic: '' };
    expect(findOptionsTakenByNpm(['03'], env, OPTIONS)).toEqual([]);
  });

  it.each([
    [['03', '--deterministic'], ['--speed 10']],
    [['03', '--speed=10'], ['--deterministic']],
  ])('ignores an option that also reached argv %j', (argv, expected) => {
    const env = { ...NPM_BASE_ENV, npm_config_deterministic: 'true', npm_config_speed: '10' };
    expect(findOptionsTakenByNpm(argv, env, OPTIONS)).toEqual(expected);
  });

  it('ignores variables of names the CLI does not have', () => {
    const env = { ...NPM_BASE_ENV, npm_config_clients: '200' };
    expect(findOptionsTakenByNpm([], env, OPTIONS)).toEqual([]);
  });
});

describe('npmRunCommand', () => {
  it('puts the options after --', () => {
    expect(npmRunCommand('lesson', ['03'], ['--speed 10', '--no-time'])).toBe(
      'npm run lesson 03 -- --speed 10 --no-time',
    );
  });

  it('works without arguments', () => {
    expect(npmRunCommand('bench', [], ['--clients 200'])).toBe('npm run bench -- --clients 200');
  });
});
