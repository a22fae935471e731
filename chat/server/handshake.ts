// Upgrade checks, run before the WebSocket handshake completes: path, shutdown, origin, username
// and resume parameters. A rejected request gets an HTTP status and a JSON body `{ code, message }`
// instead of an accepted-then-closed socket.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

import type { Language } from '../../shared/i18n.ts';
import { CHAT_PATH, ERROR_CODES, type ErrorCode } from '../../shared/protocol.ts';
import { validateUsername } from '../../shared/text.ts';
import type { ResumePoint } from './hub.ts';
import { languageFromAcceptLanguage, messagesFor, type ServerMessages } from './messages.ts';

export interface HandshakeContext {
  shuttingDown: boolean;
  /** Normalised origins allowed besides the server's own. */
  allowedOrigins: readonly string[];
}

export interface AcceptedHandshake {
  ok: true;
  requestedName: string;
  /** True when the client gave no name and got a guest name. */
  guest: boolean;
  resume: ResumePoint | undefined;
  language: Language;
}

export interface RejectedHandshake {
  ok: false;
  status: number;
  code: ErrorCode;
  message: string;
  /** Short reason for the log; never contains the full request. */
  reason: string;
}

/** Maximum length of the `epoch` query parameter, the same bound as in the protocol. */
const EPOCH_MAX_LENGTH = 64;

/** Checks an upgrade request in the order path, shutdown, origin, username, resume. */
export function checkHandshake(
  request: IncomingMessage,
  context: HandshakeContext,
): AcceptedHandshake | RejectedHandshake {
  const language = languageFromAcceptLanguage(request.headers['accept-language']);
  const text = messagesFor(language);
  const url = new URL(request.url ?? '/', 'http://localhost');

  const reject = (code: ErrorCode, message: string, reason: string): RejectedHandshake => ({
    ok: false,
    status: ERROR_CODES[code].status ?? 400,
    code,
    message,
    reason,
  });

  if (url.pathname !== CHAT_PATH)
    return reject('NOT_FOUND', text.NOT_FOUND(url.pathname), `path ${url.pathname}`);

  if (context.shuttingDown)
    return reject('SERVER_SHUTTING_DOWN', text.SERVER_SHUTTING_DOWN, 'shutting down');

  const origin = request.headers.origin;
  if (
    origin !== undefined &&
    !isOriginAllowed(origin, request.headers.host, context.allowedOrigins)
  ) {
    return reject('ORIGIN_NOT_ALLOWED', text.ORIGIN_NOT_ALLOWED(origin), `origin ${origin}`);
  }

  const rawName = url.searchParams.get('username') ?? '';
  let requestedName: string;
  const guest = rawName.trim() === '';
  if (guest) {
    requestedName = createGuestName();
  } else {
    const checked = validateUsername(rawName);
    if (!checked.ok) {
      const message =
        checked.code === 'USERNAME_TOO_LONG'
          ? text.USERNAME_TOO_LONG(checked.graphemes, checked.max, checked.atLeast)
          : text[checked.code];
      return reject(checked.code, message, `username ${checked.code}`);
    }
    requestedName = checked.value;
  }

  const resume = parseResume(url.searchParams, text);
  if (typeof resume === 'string') {
    return reject('INVALID_RESUME', text.INVALID_RESUME(resume), 'invalid resume parameters');
  }

  return { ok: true, requestedName, guest, resume, language };
}

/**
 * Returns true when the origin is the server itself (same host and port as the `Host` header)
 * or listed. A browser always sends `Origin` on a WebSocket upgrade, so a foreign page cannot
 * open a chat connection in the user's name. Terminal clients send none, and the caller allows
 * them.
 */
export function isOriginAllowed(
  origin: string,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // `Origin: null` (sandboxed frames, file pages) and garbage cannot be checked, so they fail.
    return false;
  }
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowed.includes(parsed.origin);
}

/** Returns the resume point of the query, none, or why it is malformed in `text`'s language. */
function parseResume(
  params: URLSearchParams,
  text: ServerMessages,
): ResumePoint | undefined | string {
  const epoch = params.get('epoch');
  const after = params.get('after');
  if (epoch === null && after === null) return undefined;

  if (epoch === null || epoch === '') return text.resumeEpochMissing;
  if (epoch.length > EPOCH_MAX_LENGTH) {
    return text.resumeEpochTooLong(epoch.length, EPOCH_MAX_LENGTH);
  }
  if (after === null || !/^\d{1,15}$/.test(after)) return text.resumeAfterInvalid(after ?? '');
  return { epoch, seq: Number(after) };
}

/** Returns a guest name such as `guest-4821` for a client that gave none. */
export function createGuestName(): string {
  return `guest-${1000 + Math.floor(Math.random() * 9000)}`;
}

/** Writes an HTTP error response with a JSON body on a socket that asked to upgrade, then closes it. */
export function rejectUpgrade(
  socket: Duplex,
  status: number,
  body: { code: ErrorCode; message: string },
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }

  const json = JSON.stringify(body);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      '\r\n' +
      json,
  );
}
