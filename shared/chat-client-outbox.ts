// The outbox of the reconnecting chat client. Every message the user sends gets a `clientMsgId`
// and waits here until the server acknowledges it. A message typed while offline, or sent just
// before a connection dropped, is therefore delivered exactly once after the reconnect, because
// the server broadcasts a resend with a known `clientMsgId` only once. Browser-safe.

/**
 * State of one outgoing message.
 * - `queued`: waiting for a connection or for the rate limit.
 * - `sent`: written to the current socket, not acknowledged yet.
 * - `confirmed`: broadcast by the server under `seq`.
 * - `failed`: rejected and never resent.
 */
export type OutgoingStatus = 'queued' | 'sent' | 'confirmed' | 'failed';

/**
 * Reason a queued message waits while the client is connected: the rate limit, or a server that
 * cannot broadcast for a moment (a cluster node without Redis). Absent: waiting to connect.
 */
export type OutgoingHold = 'rate-limit' | 'server-unavailable';

/** Why an outgoing message failed: a server error code, or `MESSAGE_TOO_BIG` for close code 1009. */
export interface OutgoingFailure {
  code: string;
  /** Server text in the language of `Accept-Language`, when the server sent one. */
  message?: string;
}

export interface OutgoingMessage {
  readonly clientMsgId: string;
  /** The trimmed, validated text. */
  readonly text: string;
  status: OutgoingStatus;
  /** Reason a queued message waits while connected; cleared when it is sent or the socket drops. */
  heldBy?: OutgoingHold;
  /** Sequence number of the broadcast, once confirmed. */
  seq?: number;
  failure?: OutgoingFailure;
}

/** Client-side mirror of the server's token bucket, so a flush after reconnect is not rate-limited. */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly burst: number,
    readonly ratePerSecond: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#updatedAt = now;
  }

  /** Takes one token; returns 0 on success, else the milliseconds until one is available. */
  take(now: number): number {
    this.#refill(now);
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.ratePerSecond) * 1000);
  }

  #refill(now: number): void {
    const elapsedMs = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.burst, this.#tokens + (elapsedMs / 1000) * this.ratePerSecond);
    this.#updatedAt = now;
  }
}

/** Ordered outgoing messages by `clientMsgId`, with the transitions between their states. */
export class Outbox {
  readonly #items = new Map<string, OutgoingMessage>();

  add(clientMsgId: string, text: string): OutgoingMessage {
    const item: OutgoingMessage = { clientMsgId, text, status: 'queued' };
    this.#items.set(clientMsgId, item);
    return item;
  }

  get(clientMsgId: string): OutgoingMessage | undefined {
    return this.#items.get(clientMsgId);
  }

  /** Messages waiting to be written, oldest first. */
  queued(): OutgoingMessage[] {
    return [...this.#items.values()].filter((item) => item.status === 'queued');
  }

  /** Messages written to the current socket and not acknowledged, oldest first. */
  inFlight(): OutgoingMessage[] {
    return [...this.#items.values()].filter((item) => item.status === 'sent');
  }

  /** Messages that are queued or in flight. */
  pendingCount(): number {
    let count = 0;
    for (const item of this.#items.values())
      if (item.status === 'queued' || item.status === 'sent') count++;
    return count;
  }

  /** Moves every in-flight message back to the queue, because its socket is gone; returns them. */
  requeueInFlight(): OutgoingMessage[] {
    const moved = this.inFlight();
    for (const item of moved) item.status = 'queued';
    for (const item of this.queued()) delete item.heldBy;
    return moved;
  }

  /**
   * Marks a message confirmed. Returns false when it was already settled, so a second ack (or an
   * ack after the broadcast matched it) is not reported twice.
   */
  confirm(item: OutgoingMessage, seq: number): boolean {
    if (item.status === 'confirmed' || item.status === 'failed') return false;
    item.status = 'confirmed';
    item.seq = seq;
    // Settled messages leave the map so a long session does not grow it without bound.
    this.#items.delete(item.clientMsgId);
    return true;
  }

  /** Marks a message failed; returns false when it was already settled. */
  fail(item: OutgoingMessage, failure: OutgoingFailure): boolean {
    if (item.status === 'confirmed' || item.status === 'failed') return false;
    item.status = 'failed';
    item.failure = failure;
    this.#items.delete(item.clientMsgId);
    return true;
  }
}

/** Returns a random `clientMsgId`; `getRandomValues` works on plain-HTTP pages, unlike `randomUUID`. */
export function createClientMsgId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
