// Chat server configuration: one table of options, each settable by a CLI flag and by an
// environment variable (the flag wins), with its default, its valid range and its help text.

import {
  CliUsageError,
  parseOptions,
  type OptionSpec as FlagSpec,
  type OptionValues,
} from '../../shared/cli-options.ts';
import { type Language, parseLanguage } from '../../shared/i18n.ts';
import { MAX_MESSAGE_GRAPHEMES } from '../../shared/text.ts';
import { messagesFor, type ServerMessages } from './messages.ts';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export interface ChatServerConfig {
  host: string;
  port: number;
  /** Origins allowed besides the server's own; a request without `Origin` is always allowed. */
  allowedOrigins: string[];
  maxMessageGraphemes: number;
  maxFrameBytes: number;
  rateBurst: number;
  ratePerSecond: number;
  floodMaxRejections: number;
  floodWindowMs: number;
  maxBufferedBytes: number;
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  historySize: number;
  historyReplaySize: number;
  dedupeSize: number;
  presenceFlushMs: number;
  shutdownStaggerMs: number;
  perMessageDeflate: boolean;
  logFormat: (typeof LOG_FORMATS)[number];
  logLevel: (typeof LOG_LEVELS)[number];
  /** Redis URL of the cluster; empty means a single process with the in-memory hub. */
  redis: string;
  redisNodeTtlMs: number;
}

type IntegerOption = { kind: 'integer'; min: number; max: number };
type OptionSpec = { env: string; help: keyof ServerMessages } & (
  | IntegerOption
  | { kind: 'string' }
  | { kind: 'origins' }
  | { kind: 'boolean' }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'redisUrl' }
);

const MAX_MS = 24 * 60 * 60 * 1000;

/** Every option; the key is the config field, the flag is its kebab-case form. */
export const OPTION_SPECS: { [K in keyof ChatServerConfig]: OptionSpec } = {
  host: { env: 'LOOPCHAT_HOST', help: 'helpHost', kind: 'string' },
  port: { env: 'LOOPCHAT_PORT', help: 'helpPort', kind: 'integer', min: 0, max: 65_535 },
  allowedOrigins: { env: 'LOOPCHAT_ALLOWED_ORIGINS', help: 'helpAllowedOrigins', kind: 'origins' },
  maxMessageGraphemes: {
    env: 'LOOPCHAT_MAX_MESSAGE_GRAPHEMES',
    help: 'helpMaxMessageGraphemes',
    kind: 'integer',
    min: 1,
    max: 100_000,
  },
  maxFrameBytes: {
    env: 'LOOPCHAT_MAX_FRAME_BYTES',
    help: 'helpMaxFrameBytes',
    kind: 'integer',
    min: 1024,
    max: 16 * 1024 * 1024,
  },
  rateBurst: {
    env: 'LOOPCHAT_RATE_BURST',
    help: 'helpRateBurst',
    kind: 'integer',
    min: 1,
    max: 100_000,
  },
  ratePerSecond: {
    env: 'LOOPCHAT_RATE_PER_SECOND',
    help: 'helpRatePerSecond',
    kind: 'integer',
    min: 1,
    max: 100_000,
  },
  floodMaxRejections: {
    env: 'LOOPCHAT_FLOOD_MAX_REJECTIONS',
    help: 'helpFloodMaxRejections',
    kind: 'integer',
    min: 1,
    max: 1_000_000,
  },
  floodWindowMs: {
    env: 'LOOPCHAT_FLOOD_WINDOW_MS',
    help: 'helpFloodWindowMs',
    kind: 'integer',
    min: 1,
    max: MAX_MS,
  },
  maxBufferedBytes: {
    env: 'LOOPCHAT_MAX_BUFFERED_BYTES',
    help: 'helpMaxBufferedBytes',
    kind: 'integer',
    min: 1024,
    max: 1024 * 1024 * 1024,
  },
  heartbeatIntervalMs: {
    env: 'LOOPCHAT_HEARTBEAT_INTERVAL_MS',
    help: 'helpHeartbeatIntervalMs',
    kind: 'integer',
    min: 10,
    max: MAX_MS,
  },
  heartbeatTimeoutMs: {
    env: 'LOOPCHAT_HEARTBEAT_TIMEOUT_MS',
    help: 'helpHeartbeatTimeoutMs',
    kind: 'integer',
    min: 0,
    max: MAX_MS,
  },
  historySize: {
    env: 'LOOPCHAT_HISTORY_SIZE',
    help: 'helpHistorySize',
    kind: 'integer',
    min: 0,
    max: 1_000_000,
  },
  historyReplaySize: {
    env: 'LOOPCHAT_HISTORY_REPLAY_SIZE',
    help: 'helpHistoryReplaySize',
    kind: 'integer',
    min: 0,
    max: 1_000_000,
  },
  dedupeSize: {
    env: 'LOOPCHAT_DEDUPE_SIZE',
    help: 'helpDedupeSize',
    kind: 'integer',
    min: 0,
    max: 1_000_000,
  },
  presenceFlushMs: {
    env: 'LOOPCHAT_PRESENCE_FLUSH_MS',
    help: 'helpPresenceFlushMs',
    kind: 'integer',
    min: 0,
    max: 60_000,
  },
  shutdownStaggerMs: {
    env: 'LOOPCHAT_SHUTDOWN_STAGGER_MS',
    help: 'helpShutdownStaggerMs',
    kind: 'integer',
    min: 0,
    max: 60_000,
  },
  perMessageDeflate: {
    env: 'LOOPCHAT_PER_MESSAGE_DEFLATE',
    help: 'helpPerMessageDeflate',
    kind: 'boolean',
  },
  logFormat: {
    env: 'LOOPCHAT_LOG_FORMAT',
    help: 'helpLogFormat',
    kind: 'choice',
    choices: LOG_FORMATS,
  },
  logLevel: {
    env: 'LOOPCHAT_LOG_LEVEL',
    help: 'helpLogLevel',
    kind: 'choice',
    choices: LOG_LEVELS,
  },
  // REDIS_URL is the name most hosting platforms and Redis clients use.
  redis: { env: 'REDIS_URL', help: 'helpRedis', kind: 'redisUrl' },
  redisNodeTtlMs: {
    env: 'LOOPCHAT_REDIS_NODE_TTL_MS',
    help: 'helpRedisNodeTtlMs',
    kind: 'integer',
    min: 300,
    max: 600_000,
  },
};

/** Defaults; the heartbeat stays below the 60 s idle timeout common in reverse proxies. */
export const DEFAULT_CONFIG: Readonly<ChatServerConfig> = {
  host: '127.0.0.1',
  port: 3000,
  allowedOrigins: [],
  maxMessageGraphemes: MAX_MESSAGE_GRAPHEMES,
  maxFrameBytes: 64 * 1024,
  rateBurst: 10,
  ratePerSecond: 3,
  floodMaxRejections: 30,
  floodWindowMs: 10_000,
  maxBufferedBytes: 1024 * 1024,
  heartbeatIntervalMs: 25_000,
  heartbeatTimeoutMs: 10_000,
  historySize: 500,
  historyReplaySize: 50,
  dedupeSize: 10_000,
  presenceFlushMs: 100,
  shutdownStaggerMs: 1_000,
  perMessageDeflate: false,
  logFormat: 'pretty',
  logLevel: 'info',
  redis: '',
  redisNodeTtlMs: 15_000,
};

export type CliParseResult =
  | { kind: 'run'; config: ChatServerConfig; language: Language }
  | { kind: 'help'; language: Language }
  | { kind: 'error'; message: string; language: Language };

/** Returns the CLI flag of a config field, e.g. `maxFrameBytes` → `--max-frame-bytes`. */
export function flagOf(name: string): string {
  return '--' + name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/**
 * Parses CLI flags and environment variables into a config. Returns `error` with one line naming
 * the bad value and the valid range, so the CLI can print it and exit 2.
 */
export function parseCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  language: Language,
): CliParseResult {
  const text = messagesFor(language);

  const flagOptions: Record<string, FlagSpec> = {
    help: { type: 'boolean' },
    lang: { type: 'string', example: '--lang ja' },
  };
  // Every option takes a value, booleans included (`--per-message-deflate true`), so that a flag
  // and its environment variable accept the same text.
  for (const name of Object.keys(OPTION_SPECS) as (keyof ChatServerConfig)[]) {
    const flag = flagOf(name);
    const defaultValue = DEFAULT_CONFIG[name];
    const example =
      typeof defaultValue === 'object' || defaultValue === '' || defaultValue === undefined
        ? undefined
        : `${flag} ${String(defaultValue)}`;
    flagOptions[flag.slice(2)] = { type: 'string', example };
  }

  let values: OptionValues;
  try {
    values = parseOptions(argv, flagOptions, { script: 'chat', language, env });
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return { kind: 'error', message: error.message, language };
  }

  if (typeof values.lang === 'string' && !parseLanguage(values.lang)) {
    return {
      kind: 'error',
      message: text.invalidChoice('--lang', values.lang, 'ja, en'),
      language,
    };
  }
  if (values.help) return { kind: 'help', language };

  const config: ChatServerConfig = { ...DEFAULT_CONFIG, allowedOrigins: [] };
  for (const [name, spec] of Object.entries(OPTION_SPECS) as [
    keyof ChatServerConfig,
    OptionSpec,
  ][]) {
    const flag = flagOf(name);
    const fromFlag = values[flag.slice(2)];
    const raw = typeof fromFlag === 'string' ? fromFlag : env[spec.env];
    if (raw === undefined) continue;

    const source = typeof fromFlag === 'string' ? flag : spec.env;
    const parsed = parseValue(raw, spec, source, text);
    if (!parsed.ok) return { kind: 'error', message: parsed.message, language };
    (config as unknown as Record<string, unknown>)[name] = parsed.value;
  }

  return { kind: 'run', config, language };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseValue(raw: string, spec: OptionSpec, source: string, text: ServerMessages): Parsed {
  const value = raw.trim();
  switch (spec.kind) {
    case 'string':
      return value === '' ? { ok: false, message: text.invalidEmpty(source) } : { ok: true, value };

    case 'integer': {
      const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(number) || number < spec.min || number > spec.max) {
        return { ok: false, message: text.invalidInteger(source, raw, spec.min, spec.max) };
      }
      return { ok: true, value: number };
    }

    case 'boolean':
      if (['true', '1', 'yes', 'on'].includes(value.toLowerCase()))
        return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(value.toLowerCase()))
        return { ok: true, value: false };
      return { ok: false, message: text.invalidBoolean(source, raw) };

    case 'choice':
      return spec.choices.includes(value)
        ? { ok: true, value }
        : { ok: false, message: text.invalidChoice(source, raw, spec.choices.join(', ')) };

    case 'redisUrl':
      return value === '' || isRedisUrl(value)
        ? { ok: true, value }
        : { ok: false, message: text.invalidRedisUrl(source, hidePassword(raw)) };

    case 'origins': {
      const origins: string[] = [];
      for (const item of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const origin = normaliseOrigin(item);
        if (!origin) return { ok: false, message: text.invalidOrigin(source, item) };
        origins.push(origin);
      }
      return { ok: true, value: origins };
    }
  }
}

/** Returns the canonical `scheme://host[:port]` of an origin string, or undefined if it is not one. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.pathname !== '/' || url.search || url.hash || url.username) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Returns true for a `redis:` or `rediss:` URL with a host, the forms ioredis accepts. */
export function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Replaces the password of a URL-like string, so that an error message never shows it. */
export function hidePassword(value: string): string {
  return value.replace(/\/\/([^/@]*):[^/@]*@/, '//$1:***@');
}

/** Returns the bilingual `--help` text. */
export function formatHelp(language: Language): string {
  const text = messagesFor(language);
  const lines = [text.usage, '', text.helpIntro, '', text.helpOptions];

  for (const [name, spec] of Object.entries(OPTION_SPECS) as [
    keyof ChatServerConfig,
    OptionSpec,
  ][]) {
    const placeholder =
      spec.kind === 'integer'
        ? `<${spec.min}-${spec.max}>`
        : spec.kind === 'choice'
          ? `<${spec.choices.join('|')}>`
          : spec.kind === 'boolean'
            ? '<true|false>'
            : spec.kind === 'origins'
              ? '<origin,...>'
              : spec.kind === 'redisUrl'
                ? '<redis://host:port>'
                : '<value>';
    const fallback = DEFAULT_CONFIG[name];
    const shownDefault = Array.isArray(fallback)
      ? fallback.length
        ? fallback.join(',')
        : '-'
      : fallback === ''
        ? '-'
        : String(fallback);
    const description = text[spec.help] as string;
    lines.push(`  ${flagOf(name)} ${placeholder}`);
    lines.push(`      ${description} (${text.helpDefault(shownDefault)}; ${spec.env})`);
  }

  lines.push(`  --lang <ja|en>`, `      ${text.helpLang}`, `  --help`, `      ${text.helpHelp}`);
  return lines.join('\n');
}
