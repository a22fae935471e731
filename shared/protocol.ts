// The loopchat wire protocol, declared once: every client→server command and server→client event
// of both protocol versions, the close codes and the error codes. The TypeScript types are derived
// from the runtime tables below, so the server, the clients, the decoder and PROTOCOL.md (written
// by `npm run protocol:doc`) cannot drift apart. Browser-safe: no Node-only imports.

/** Subprotocol a client offers in `Sec-WebSocket-Protocol` to get the richer event set. */
export const PROTOCOL_V1 = 'loopchat.v1';

/**
 * `plain` is the protocol of the Mojolicious chat this project is modelled on (text in, JSON out);
 * `v1` is negotiated with the `loopchat.v1` subprotocol.
 */
export type ProtocolVersion = 'plain' | 'v1';

/** WebSocket endpoint; the username travels in the `username` query parameter. */
export const CHAT_PATH = '/chat';

// ---------------------------------------------------------------------------------------------
// Field schema: a tiny runtime description of each payload, from which the types are derived.

interface FieldBase {
  readonly doc: string;
  readonly optional?: true;
}

export type FieldSpec =
  | (FieldBase & { readonly kind: 'string'; readonly maxLength?: number })
  | (FieldBase & { readonly kind: 'integer'; readonly min?: number })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly values: readonly string[] })
  | (FieldBase & { readonly kind: 'array'; readonly items: FieldSpec })
  | (FieldBase & { readonly kind: 'object'; readonly fields: FieldSpecs });

export type FieldSpecs = { readonly [name: string]: FieldSpec };

export interface EventSpec {
  /** When the event is sent, in one or two sentences; PROTOCOL.md prints it. */
  readonly doc: string;
  readonly fields: FieldSpecs;
}

export type EventSpecMap = { readonly [type: string]: EventSpec };

const text = (doc: string, maxLength?: number) =>
  (maxLength === undefined ? { kind: 'string', doc } : { kind: 'string', doc, maxLength }) as {
    readonly kind: 'string';
    readonly doc: string;
    readonly maxLength?: number;
  };
const integer = (doc: string, min = 0) => ({ kind: 'integer', doc, min }) as const;
const flag = (doc: string) => ({ kind: 'boolean', doc }) as const;
const list = <const I extends FieldSpec>(items: I, doc: string) =>
  ({ kind: 'array', items, doc }) as const;
const record = <const F extends FieldSpecs>(fields: F, doc: string) =>
  ({ kind: 'object', fields, doc }) as const;
const oneOf = <const V extends readonly string[]>(values: V, doc: string) =>
  ({ kind: 'enum', values, doc }) as const;
const optional = <const F extends FieldSpec>(field: F) => ({ ...field, optional: true }) as const;

// Derives the TypeScript value type of one field spec.
type ValueOf<F> = F extends { kind: 'string' }
  ? string
  : F extends { kind: 'integer' }
    ? number
    : F extends { kind: 'boolean' }
      ? boolean
      : F extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : F extends { kind: 'array'; items: infer I }
          ? ValueOf<I>[]
          : F extends { kind: 'object'; fields: infer S }
            ? Payload<S>
            : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type described by a set of field specs; optional specs become optional properties. */
export type Payload<S> = Simplify<
  { -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: ValueOf<S[K]> } & {
    -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: ValueOf<S[K]>;
  }
>;

/** One event of a map as it travels on the wire: `{ type, ...fields }`. */
export type EventOf<M extends EventSpecMap, K extends keyof M = keyof M> = K extends keyof M
  ? Simplify<{ type: K } & Payload<M[K]['fields']>>
  : never;

// ---------------------------------------------------------------------------------------------
// Error codes and close codes.

/**
 * Every error code with where it appears. A `handshake` code comes as an HTTP response with a
 * JSON body `{ code, message }` instead of the upgrade. An `event` code comes as an `error` event
 * (with `code` in v1) while the connection stays open.
 */
export const ERROR_CODES = {
  NOT_FOUND: { where: 'handshake', status: 404, doc: 'The upgrade request was not for `/chat`.' },
  SERVER_SHUTTING_DOWN: {
    where: 'handshake',
    status: 503,
    doc: 'The server is shutting down; reconnect later (to another instance).',
  },
  ORIGIN_NOT_ALLOWED: {
    where: 'handshake',
    status: 403,
    doc: 'The `Origin` header is neither the server itself nor in the allowlist (cross-site WebSocket hijacking guard).',
  },
  USERNAME_TOO_LONG: {
    where: 'handshake',
    status: 400,
    doc: 'The trimmed username has more than 20 graphemes.',
  },
  USERNAME_INVALID_CHARACTERS: {
    where: 'handshake',
    status: 400,
    doc: 'The username contains a control character or a bidirectional control (override, embedding, isolate or mark).',
  },
  USERNAME_INVISIBLE: {
    where: 'handshake',
    status: 400,
    doc: 'The username consists only of zero-width or other invisible characters.',
  },
  INVALID_RESUME: {
    where: 'handshake',
    status: 400,
    doc: 'The `epoch` or `after` query parameter is malformed (`after` must be a non-negative integer and needs `epoch`).',
  },
  MESSAGE_EMPTY: { where: 'event', status: null, doc: 'The message is empty after trimming.' },
  MESSAGE_TOO_LONG: {
    where: 'event',
    status: null,
    doc: 'The trimmed message has more graphemes than the server allows (500 by default).',
  },
  RATE_LIMITED: {
    where: 'event',
    status: null,
    doc: 'The connection sent faster than its token bucket allows; v1 gets `retryAfterMs` and, for a `message` command, its `clientMsgId`. Nothing was broadcast.',
  },
  BINARY_NOT_SUPPORTED: {
    where: 'event',
    status: null,
    doc: 'A binary frame was received; the chat speaks text frames only. The frame is ignored.',
  },
  INVALID_JSON: { where: 'event', status: null, doc: 'v1 only: the text frame is not valid JSON.' },
  UNKNOWN_COMMAND: {
    where: 'event',
    status: null,
    doc: 'v1 only: the JSON object has a `type` string that is not a known command.',
  },
  INVALID_COMMAND: {
    where: 'event',
    status: null,
    doc: 'v1 only: the JSON value is not an object with a string `type`, or a field is missing or has the wrong type.',
  },
  INTERNAL_ERROR: {
    where: 'event',
    status: null,
    doc: 'The server failed to handle the command (for example the hub was unavailable); retry later.',
  },
  HUB_UNAVAILABLE: {
    where: 'event',
    status: null,
    doc: 'Cluster mode only: the server lost its connection to Redis, so the message was not broadcast. Resend it after `retryAfterMs` with the same `clientMsgId`; the resend is broadcast once.',
  },
} as const satisfies Record<
  string,
  { where: 'handshake' | 'event'; status: number | null; doc: string }
>;

export type ErrorCode = keyof typeof ERROR_CODES;

const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** WebSocket close codes the server sends, with the reason each one is used. */
export const CLOSE_CODES = {
  NORMAL: { code: 1000, doc: 'Normal closure.' },
  GOING_AWAY: {
    code: 1001,
    doc: 'The server is shutting down; sockets are closed staggered over a short window. Reconnect with backoff.',
  },
  INVALID_PAYLOAD: { code: 1007, doc: 'A text frame was not valid UTF-8 (sent by ws itself).' },
  POLICY_VIOLATION: {
    code: 1008,
    doc: 'The client kept flooding: too many rate-limited frames within the flood window.',
  },
  MESSAGE_TOO_BIG: {
    code: 1009,
    doc: 'A frame was larger than the frame byte cap (`maxPayload`, 64 KiB by default).',
  },
  INTERNAL_ERROR: { code: 1011, doc: 'An unexpected server error on this connection.' },
  SERVICE_RESTART: {
    code: 1012,
    doc: 'Cluster mode only: the shared history was reset (Redis restarted without its data). Reconnect and resume; the `history` answer has `epochChanged: true`.',
  },
  SLOW_CONSUMER: {
    code: 4000,
    doc: "The client did not read fast enough: the server's send buffer (`bufferedAmount`) for it exceeded the cap (1 MiB by default). Other clients are unaffected.",
  },
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;

/** Close code numbers by name, e.g. `CloseCode.MESSAGE_TOO_BIG === 1009`. */
export const CloseCode = Object.fromEntries(
  Object.entries(CLOSE_CODES).map(([name, { code }]) => [name, code]),
) as { readonly [K in CloseCodeName]: (typeof CLOSE_CODES)[K]['code'] };

// ---------------------------------------------------------------------------------------------
// Shared field specs.

const username = text('Display name of the user.');
const count = integer('Number of connected clients after the change.');
const unixSeconds = integer('Unix time in seconds when the server accepted the message.');
const seq = integer(
  'Sequence number of the message within `epoch`; increases by one per message.',
  1,
);
const epoch = text(
  'Random id of the server history; a new epoch means older sequence numbers are void.',
  64,
);
const clientMsgId = text(
  'Client-chosen id (at most 64 characters) that makes a resend idempotent.',
  64,
);

const chatMessageFields = {
  seq,
  username,
  message: text('The trimmed message text; never HTML-escaped, so render it as text.'),
  timestamp: unixSeconds,
} as const;

const limitsFields = {
  maxMessageGraphemes: integer('Maximum message length in graphemes.', 1),
  maxFrameBytes: integer(
    'Maximum WebSocket frame size in bytes; larger frames close with 1009.',
    1,
  ),
  rateBurst: integer('Token bucket size: messages that may be sent at once.', 1),
  ratePerSecond: integer('Token bucket refill rate: messages per second, sustained.', 1),
} as const;

// ---------------------------------------------------------------------------------------------
// Plain protocol (compatible with the Mojolicious chat this project is modelled on).

/**
 * Plain client → server. A plain client sends plain text; the only command is a text frame that
 * parses as a JSON object with `"type": "ping"`. Every other text frame is a chat message.
 */
export const plainClientCommands = {
  ping: { doc: 'Application-level ping; answered with `pong`.', fields: {} },
} as const satisfies EventSpecMap;

/** Plain server → client events. */
export const plainServerEvents = {
  message: {
    doc: 'A chat message, broadcast to every client including its sender.',
    fields: {
      username,
      message: chatMessageFields.message,
      timestamp: unixSeconds,
    },
  },
  join: {
    doc: 'A user joined. In a large presence flush `username` summarises, e.g. `alice, bob and 98 others`.',
    fields: { username, count },
  },
  leave: {
    doc: 'A user left. In a large presence flush `username` summarises, e.g. `alice, bob and 98 others`.',
    fields: { username, count },
  },
  pong: { doc: 'Answer to `{"type":"ping"}`.', fields: {} },
  error: {
    doc: 'A frame was rejected (empty, too long, rate-limited, binary). The connection stays open.',
    fields: { message: text('Human-readable reason in the language of `Accept-Language`.') },
  },
} as const satisfies EventSpecMap;

// ---------------------------------------------------------------------------------------------
// Protocol v1 (subprotocol `loopchat.v1`): every frame in both directions is a JSON object.

/** v1 client → server commands. */
export const v1ClientCommands = {
  message: {
    doc: 'Send a chat message. With `clientMsgId`, a resend (for example after a reconnect) is broadcast only once.',
    fields: {
      message: text('The message text; trimmed and validated like the plain protocol.'),
      clientMsgId: optional(clientMsgId),
    },
  },
  ping: {
    doc: 'Application-level ping; answered with `pong` carrying the same `id`.',
    fields: { id: optional(text('Opaque id echoed in the `pong`.', 64)) },
  },
  resume: {
    doc: 'Ask for the messages after `after` in `epoch`; answered with `history`. The same can be requested with the `epoch` and `after` query parameters.',
    fields: {
      epoch: text('Epoch of the last message the client saw.', 64),
      after: integer('Sequence number of the last message the client saw (0 for none).'),
    },
  },
  who: { doc: 'Ask for the user list; answered with `users`.', fields: {} },
} as const satisfies EventSpecMap;

/** v1 server → client events. */
export const v1ServerEvents = {
  welcome: {
    doc: 'First event on a v1 connection: who you are and the limits that apply to you.',
    fields: {
      username: text(
        'Your display name; may differ from the requested one (guest name or ` (2)` suffix).',
      ),
      epoch,
      seq: integer('Sequence number of the newest message in the history (0 when empty).'),
      count,
      heartbeatIntervalMs: integer('Interval of the server ping frames in milliseconds.', 1),
      limits: record(limitsFields, 'Limits that apply to this connection.'),
    },
  },
  users: {
    doc: 'The user list: sent after `welcome` and in answer to `who`.',
    fields: {
      users: list(
        username,
        'Names of connected users, at most 200: in join order on a single server, in name order in cluster mode.',
      ),
      count,
      truncated: flag('True when the list was cut at 200 names.'),
    },
  },
  history: {
    doc: 'History replay: after `welcome` (the most recent messages, or those after the resume point) and in answer to `resume`.',
    fields: {
      epoch,
      messages: list(record(chatMessageFields, 'A chat message.'), 'Messages in sequence order.'),
      lost: integer(
        'Messages after the resume point that are no longer kept (0 when nothing was lost).',
      ),
      epochChanged: flag(
        'True when the resume epoch is not the current one: the server history was reset, so drop your sequence numbers. `messages` then starts the new epoch.',
      ),
    },
  },
  message: { doc: 'A chat message, broadcast to every v1 client.', fields: chatMessageFields },
  join: {
    doc: 'A user joined (presence flush with at most 3 changes).',
    fields: { username, count },
  },
  leave: {
    doc: 'A user left (presence flush with at most 3 changes).',
    fields: { username, count },
  },
  presence: {
    doc: 'Summary of a large presence flush (more than 3 changes) instead of one event per change.',
    fields: {
      joined: list(username, 'Names that joined, at most 20.'),
      left: list(username, 'Names that left, at most 20.'),
      joinedCount: integer('How many joined in this flush.'),
      leftCount: integer('How many left in this flush.'),
      count,
    },
  },
  ack: {
    doc: 'Acknowledges a `message` command that carried `clientMsgId`.',
    fields: {
      clientMsgId,
      seq,
      epoch,
      duplicate: flag('True when this id was already broadcast; `seq` is the original one.'),
    },
  },
  pong: {
    doc: 'Answer to `ping`.',
    fields: { id: optional(text('The `id` of the ping, if it had one.', 64)) },
  },
  error: {
    doc: 'A command was rejected. The connection stays open.',
    fields: {
      code: oneOf(ERROR_CODE_NAMES, 'Stable machine-readable error code.'),
      message: text('Human-readable reason in the language of `Accept-Language`.'),
      retryAfterMs: optional(
        integer('With `RATE_LIMITED`: milliseconds until a message is accepted again.'),
      ),
      clientMsgId: optional(text('The `clientMsgId` of the rejected command, if it had one.', 64)),
    },
  },
} as const satisfies EventSpecMap;

export type PlainServerEvent = EventOf<typeof plainServerEvents>;
export type V1ServerEvent = EventOf<typeof v1ServerEvents>;
export type V1ClientCommand = EventOf<typeof v1ClientCommands>;
export type ChatMessage = Payload<typeof chatMessageFields>;
export type ChatLimits = Payload<typeof limitsFields>;

/** A decoded client frame, in terms shared by both protocol versions. */
export type ClientCommand = V1ClientCommand;

/** All maps by direction and version, for the doc generator and generic decoders. */
export const PROTOCOL = {
  plain: { clientToServer: plainClientCommands, serverToClient: plainServerEvents },
  v1: { clientToServer: v1ClientCommands, serverToClient: v1ServerEvents },
} as const;

// ---------------------------------------------------------------------------------------------
// The one encoder and the decoders.

/** Encodes one event for the wire. Both versions use JSON text frames. */
export function encodeEvent(event: PlainServerEvent | V1ServerEvent | V1ClientCommand): string {
  return JSON.stringify(event);
}

export type DecodeResult<T> =
  { ok: true; value: T } | { ok: false; code: ErrorCode; detail: string };

/**
 * Decodes a text frame a client sent. Plain frames never fail: `{"type":"ping"}` is a ping and
 * any other text is a chat message, as in the Mojolicious chat. v1 frames must be JSON commands.
 */
export function decodeClientFrame(
  frame: string,
  version: ProtocolVersion,
): DecodeResult<ClientCommand> {
  if (version === 'plain') return { ok: true, value: decodePlainFrame(frame) };

  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch (error) {
    return { ok: false, code: 'INVALID_JSON', detail: (error as Error).message };
  }
  return decodeEvent(parsed, v1ClientCommands) as DecodeResult<ClientCommand>;
}

/** Decodes a text frame the server sent, for clients and tests. */
export function decodeServerFrame<V extends ProtocolVersion>(
  frame: string,
  version: V,
): DecodeResult<V extends 'v1' ? V1ServerEvent : PlainServerEvent> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch (error) {
    return { ok: false, code: 'INVALID_JSON', detail: (error as Error).message };
  }
  const map = version === 'v1' ? v1ServerEvents : plainServerEvents;
  return decodeEvent(parsed, map) as DecodeResult<
    V extends 'v1' ? V1ServerEvent : PlainServerEvent
  >;
}

function decodePlainFrame(frame: string): ClientCommand {
  // Only a frame that looks like a JSON object can be a ping; checking the first character keeps
  // JSON.parse off ordinary chat text.
  if (frame.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(frame);
      if (isObject(parsed) && parsed.type === 'ping') return { type: 'ping' };
    } catch {
      // Not JSON: an ordinary chat message such as "{hello}".
    }
  }
  return { type: 'message', message: frame };
}

function decodeEvent(value: unknown, map: EventSpecMap): DecodeResult<{ type: string }> {
  if (!isObject(value) || typeof value.type !== 'string') {
    return {
      ok: false,
      code: 'INVALID_COMMAND',
      detail: 'expected a JSON object with a string "type"',
    };
  }

  const spec = Object.hasOwn(map, value.type) ? map[value.type] : undefined;
  if (!spec) return { ok: false, code: 'UNKNOWN_COMMAND', detail: `unknown type "${value.type}"` };

  const problem = checkFields(value, spec.fields, '');
  if (problem) return { ok: false, code: 'INVALID_COMMAND', detail: problem };

  return { ok: true, value: value as { type: string } };
}

/** Returns a description of the first field that does not match its spec, or undefined. */
export function checkFields(
  value: Record<string, unknown>,
  fields: FieldSpecs,
  prefix: string,
): string | undefined {
  for (const [name, spec] of Object.entries(fields)) {
    const path = prefix + name;
    const fieldValue = value[name];
    if (fieldValue === undefined) {
      if (spec.optional) continue;
      return `"${path}" is missing`;
    }
    const problem = checkField(fieldValue, spec, path);
    if (problem) return problem;
  }
  return undefined;
}

function checkField(value: unknown, spec: FieldSpec, path: string): string | undefined {
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') return `"${path}" must be a string`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        return `"${path}" has ${value.length} characters, more than ${spec.maxLength}`;
      }
      return undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        return `"${path}" must be an integer`;
      if (spec.min !== undefined && value < spec.min)
        return `"${path}" is ${value}, less than ${spec.min}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `"${path}" must be true or false`;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? undefined
        : `"${path}" must be one of ${spec.values.join(', ')}`;
    case 'array': {
      if (!Array.isArray(value)) return `"${path}" must be an array`;
      for (let i = 0; i < value.length; i++) {
        const problem = checkField(value[i], spec.items, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object':
      if (!isObject(value)) return `"${path}" must be an object`;
      return checkFields(value, spec.fields, `${path}.`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
