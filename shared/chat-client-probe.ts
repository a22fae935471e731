// The handshake probe: why did a WebSocket handshake fail? The WHATWG WebSocket API hides the
// HTTP status of a rejected upgrade, and the page only receives close code 1006. So after a failed
// attempt the client sends a plain GET to the same URL with `http(s):`, and the chat server
// responds with the status and JSON body `{ code, message }` that the upgrade got. Browser-safe.

import { ERROR_CODES, type ErrorCode } from './protocol.ts';

/** A handshake the server rejected, with the status and body of its HTTP response. */
export interface HandshakeRejection {
  status: number;
  code: ErrorCode | string;
  /** Server text in the language of `Accept-Language`; empty when the client rejected it itself. */
  message: string;
}

/**
 * Returns the rejection the server reports for a handshake URL, or undefined when it reports
 * none or the response is not a known handshake error (for example when the server is down).
 */
export type HandshakeProbe = (webSocketUrl: string) => Promise<HandshakeRejection | undefined>;

/** Time the probe may take before the client gives up on it and backs off as usual. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Sends the probe GET with `fetch`; the default probe wherever `fetch` exists. */
export const fetchHandshakeProbe: HandshakeProbe = async (webSocketUrl) => {
  const url = new URL(webSocketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';

  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const body: unknown = await response.json().catch(() => undefined);
  return readRejection(response.status, body);
};

/** Accepts only a handshake error code from the protocol table, so an unrelated 400 is never mistaken for one. */
export function readRejection(status: number, body: unknown): HandshakeRejection | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, message } = body as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code)) return undefined;
  if (ERROR_CODES[code as ErrorCode].where !== 'handshake') return undefined;
  return { status, code, message: typeof message === 'string' ? message : '' };
}
