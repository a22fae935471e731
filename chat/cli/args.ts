// Command-line parsing of the terminal chat client: flags, language and the checks that turn bad
// input into one usage line instead of a stack trace.

import { parseChatUrl } from '../../shared/chat-client.ts';
import { CliUsageError, parseOptions } from '../../shared/cli-options.ts';
import { chatClientMessagesFor, describeRejection } from '../../shared/chat-client.messages.ts';
import { detectLanguage, parseLanguage, type Language } from '../../shared/i18n.ts';
import { MAX_USERNAME_GRAPHEMES, validateUsername } from '../../shared/text.ts';
import { cliMessagesFor } from './messages.ts';
import { neutraliseTerminalText } from './terminal-text.ts';

export const DEFAULT_CHAT_URL = 'ws://127.0.0.1:3000/chat';
/**
 * How long piped input may wait, after it ended, for its messages to be confirmed. Without a
 * bound a script against a server that is down would retry forever.
 */
export const DEFAULT_DELIVERY_TIMEOUT_SECONDS = 30;
/** A day: a longer wait is almost surely a typo, such as milliseconds given as seconds. */
const MAX_DELIVERY_TIMEOUT_SECONDS = 86_400;

export type CliArgs =
  | {
      kind: 'run';
      name: string;
      url: string;
      /** How long piped input waits, after it ended, for its messages to be confirmed. */
      deliveryTimeoutMs: number;
      language: Language;
    }
  | { kind: 'help'; language: Language }
  | { kind: 'error'; message: string; language: Language };

/** Parses the flags; every problem becomes an `error` result whose message names the value and the fix. */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliArgs {
  const language = detectLanguage(argv, env);
  const text = cliMessagesFor(language);

  let values: { name?: string; url?: string; timeout?: string; lang?: string; help?: boolean };
  try {
    values = parseOptions(
      argv,
      {
        name: { type: 'string', example: '--name alice' },
        url: { type: 'string', example: `--url ${DEFAULT_CHAT_URL}` },
        timeout: { type: 'string', example: '--timeout 10' },
        lang: { type: 'string', example: '--lang ja' },
        help: { type: 'boolean', short: 'h' },
      },
      { script: 'chat:cli', language, env },
    ) as typeof values;
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return { kind: 'error', message: neutraliseTerminalText(error.message), language };
  }

  if (values.lang !== undefined && !parseLanguage(values.lang)) {
    // The language itself is what is wrong, so this one line carries both languages.
    const value = neutraliseTerminalText(values.lang);
    const message = `invalid --lang "${value}": use ja or en / --lang "${value}" は使えません。ja か en を指定してください`;
    return { kind: 'error', message, language };
  }
  if (values.help) return { kind: 'help', language };

  if (values.name === undefined || values.name.trim() === '') {
    return { kind: 'error', message: text.missingName, language };
  }
  const checked = validateUsername(values.name);
  if (!checked.ok) {
    const reason = describeRejection(
      chatClientMessagesFor(language),
      checked.code,
      MAX_USERNAME_GRAPHEMES,
    );
    return {
      kind: 'error',
      message: text.invalidName(neutraliseTerminalText(values.name), reason),
      language,
    };
  }

  const url = values.url ?? DEFAULT_CHAT_URL;
  try {
    parseChatUrl(url);
  } catch {
    return { kind: 'error', message: text.invalidUrl(neutraliseTerminalText(url)), language };
  }

  const timeout = values.timeout ?? String(DEFAULT_DELIVERY_TIMEOUT_SECONDS);
  const seconds = Number(timeout);
  // Number('') is 0 and Number(' 5 ') is 5, so the text itself must look like a number.
  if (
    !/^\s*\d+(\.\d+)?\s*$/.test(timeout) ||
    seconds <= 0 ||
    seconds > MAX_DELIVERY_TIMEOUT_SECONDS
  ) {
    return {
      kind: 'error',
      message: text.invalidTimeout(neutraliseTerminalText(timeout), MAX_DELIVERY_TIMEOUT_SECONDS),
      language,
    };
  }

  return {
    kind: 'run',
    name: checked.value,
    url,
    deliveryTimeoutMs: Math.round(seconds * 1000),
    language,
  };
}

/** Returns the help text in one language. */
export function formatHelp(language: Language): string {
  const text = cliMessagesFor(language);
  return [
    text.usage,
    '',
    text.helpIntro,
    '',
    `  --name NAME        ${text.helpName}`,
    `  --url URL          ${text.helpUrl}`,
    `  --timeout SECONDS  ${text.helpTimeout(DEFAULT_DELIVERY_TIMEOUT_SECONDS)}`,
    `  --lang ja|en       ${text.helpLang}`,
    `  --help, -h         ${text.helpHelp}`,
    '',
    text.helpCommands,
  ].join('\n');
}
