// Parses the command line of `npm run bench` into settings, or into one usage error that names
// the bad value and the valid range.
import { parseArgs } from 'node:util';

import type { Language } from '../shared/i18n.ts';
import { findOptionsTakenByNpm, npmRunCommand } from '../shared/npm-options.ts';
import { benchMessagesFor } from './messages.ts';

export interface BenchSettings {
  clients: number;
  broadcasts: number;
  processes: number;
  rampSteps: number;
  timeoutSeconds: number;
  jsonFile: string | undefined;
}

export type BenchArgs =
  { kind: 'run'; settings: BenchSettings } | { kind: 'help' } | { kind: 'error'; message: string };

/** Each integer option with its default and range. */
const INTEGER_OPTIONS = {
  clients: { flag: '--clients', fallback: 1_000, min: 1, max: 100_000 },
  broadcasts: { flag: '--broadcasts', fallback: 50, min: 1, max: 10_000 },
  processes: { flag: '--processes', fallback: 2, min: 1, max: 16 },
  'ramp-steps': { flag: '--ramp-steps', fallback: 8, min: 0, max: 20 },
  timeout: { flag: '--timeout', fallback: 900, min: 10, max: 24 * 60 * 60 },
} as const;

const OPTIONS = {
  clients: { type: 'string' },
  broadcasts: { type: 'string' },
  processes: { type: 'string' },
  'ramp-steps': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/**
 * Parses the arguments after `--`. `env` is the process environment, where npm leaves the
 * options that came before `--` (`npm run bench --clients=200` exports `npm_config_clients`).
 */
export function parseBenchArgs(
  argv: readonly string[],
  language: Language,
  env: Readonly<Record<string, string | undefined>> = {},
): BenchArgs {
  const text = benchMessagesFor(language);

  // Without this check the run would silently use the defaults, 1,000 clients and 8 ramp steps.
  const takenByNpm = findOptionsTakenByNpm(argv, env, OPTIONS);
  if (takenByNpm.length > 0) {
    const example = npmRunCommand('bench', [], takenByNpm);
    return { kind: 'error', message: text.optionsTakenByNpm(takenByNpm.join(' '), example) };
  }

  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return { kind: 'error', message: text.invalidArguments((error as Error).message) };
  }
  // The bench takes no arguments, so one here is the value of an option that npm kept, as in
  // `npm run bench --clients 200` or `npm run bench --json out.json`.
  if (positionals.length > 0)
    return { kind: 'error', message: text.unexpectedArgument(positionals[0]!) };

  if (typeof values.lang === 'string' && values.lang !== 'ja' && values.lang !== 'en')
    return { kind: 'error', message: text.invalidLanguage(values.lang) };
  if (values.help) return { kind: 'help' };

  const numbers: Record<string, number> = {};
  for (const [name, spec] of Object.entries(INTEGER_OPTIONS)) {
    const raw = values[name];
    if (typeof raw !== 'string') {
      numbers[name] = spec.fallback;
      continue;
    }
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max)
      return { kind: 'error', message: text.invalidInteger(spec.flag, raw, spec.min, spec.max) };
    numbers[name] = value;
  }

  return {
    kind: 'run',
    settings: {
      clients: numbers.clients!,
      broadcasts: numbers.broadcasts!,
      processes: Math.min(numbers.processes!, numbers.clients!),
      rampSteps: numbers['ramp-steps']!,
      timeoutSeconds: numbers.timeout!,
      jsonFile: typeof values.json === 'string' ? values.json : undefined,
    },
  };
}
