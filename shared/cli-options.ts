// Option parsing for loopchat's command-line tools: `node:util` parseArgs in token mode, so that
// every usage error comes out as one line in the user's language instead of Node's English text.

import { parseArgs } from 'node:util';

import type { Language } from './i18n.ts';
import { cliOptionMessagesFor } from './cli-options.messages.ts';
import { findOptionsTakenByNpm, npmRunCommand } from './npm-options.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown when the value is missing, e.g. `--name alice`; defaults to `--option VALUE`. */
  example?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** A usage error: one line for the user, and exit code 2 for the CLI. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface ParseContext {
  /** The npm script that runs the tool, e.g. `chat:cli`. */
  script: string;
  language: Language;
  /** Environment to search for options that npm kept (`npm run chat --port=4000`); none if omitted. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Parses `argv` against `options`; a later occurrence of an option wins. Throws CliUsageError for
 * an unknown option, a missing or unexpected value, or any positional argument. It also throws
 * for an option that npm kept because it came before `--`.
 */
export function parseOptions(
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  context: ParseContext,
): OptionValues {
  const text = cliOptionMessagesFor(context.language);
  const command = `npm run ${context.script}`;

  if (context.env) {
    const takenByNpm = findOptionsTakenByNpm(argv, context.env, options);
    if (takenByNpm.length > 0) {
      const example = npmRunCommand(context.script, [], takenByNpm);
      throw new CliUsageError(text.optionsTakenByNpm(takenByNpm.join(' '), example));
    }
  }

  const { values } = readOptionTokens(argv, options, {
    unknownOption: (option) => text.unknownOption(option, command),
    missingValue: text.missingValue,
    unexpectedValue: text.unexpectedValue,
    unexpectedArgument: (value) => text.unexpectedArgument(value, command),
  });
  return values;
}

/** The usage-error texts of one command, in the user's language. */
export interface OptionErrorTexts {
  unknownOption(option: string): string;
  missingValue(option: string, example: string): string;
  unexpectedValue(option: string): string;
  unexpectedArgument(value: string): string;
}

export interface TokenRules {
  /** Positional arguments allowed, such as a lesson name; none by default. */
  maxPositionals?: number;
  /** Builds the error to throw from its message; a CliUsageError by default. */
  usageError?: (message: string) => Error;
}

/**
 * Checks every token of `argv` against `options` and returns the option values and the
 * positional arguments; a later occurrence of an option wins. Throws for an unknown option, a
 * missing or unexpected value, or more positional arguments than `maxPositionals`.
 */
export function readOptionTokens(
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  texts: OptionErrorTexts,
  rules: TokenRules = {},
): { values: OptionValues; positionals: string[] } {
  const maxPositionals = rules.maxPositionals ?? 0;
  const usageError = rules.usageError ?? ((message: string) => new CliUsageError(message));

  // strict: false keeps parseArgs from throwing its English errors; each token is checked here.
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(options).map(([name, spec]) => [
        name,
        spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const values: OptionValues = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (positionals.length >= maxPositionals)
        throw usageError(texts.unexpectedArgument(token.value));
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;

    const spec = options[token.name];
    if (!spec) throw usageError(texts.unknownOption(token.rawName));
    if (spec.type === 'string' && token.value === undefined) {
      const example = spec.example ?? `${token.rawName} VALUE`;
      throw usageError(texts.missingValue(token.rawName, example));
    }
    if (spec.type === 'boolean' && token.value !== undefined)
      throw usageError(texts.unexpectedValue(token.rawName));
    values[token.name] = spec.type === 'string' ? token.value : true;
  }
  return { values, positionals };
}
