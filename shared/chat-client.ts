// The reconnecting chat client shared by the browser client and the terminal client. It speaks
// `loopchat.v1` and reconnects with capped, jittered exponential backoff. It resumes from the last
// sequence number it delivered, queues sends while offline and delivers each exactly once, and it
// drops a silent connection. Browser-safe: the WebSocket class and the clock are injected (the
// browser's WebSocket, undici's on Node, a fake in tests).

import { Backoff, backoffDelay, type BackoffOptions } from './backoff.ts';
import { RealClock, type Clock, type TimerHandle } from './clock.ts';
import {
  createClientMsgId,
  Outbox,
  TokenBucket,
  type OutgoingHold,
  type OutgoingMessage,
} from './chat-client-outbox.ts';
import { SequenceTracker } from './chat-client-sequence.ts';
import {
  fetchHandshakeProbe,
  type HandshakeProbe,
  type HandshakeRejection,
} from './chat-client-probe.ts';
import {
  CloseCode,
  decodeServerFrame,
  encodeEvent,
  PROTOCOL_V1,
  type ChatLimits,
  type ChatMessage,
  type ErrorCode,
  type V1ClientCommand,
  type V1ServerEvent,
} from './protocol.ts';
import { MAX_MESSAGE_GRAPHEMES, validateMessage, validateUsername } from './text.ts';

export type { OutgoingHold, OutgoingMessage, OutgoingStatus } from './chat-client-outbox.ts';
export type { HandshakeProbe, HandshakeRejection } from './chat-client-probe.ts';

/** The part of the WHATWG WebSocket API the client uses; browsers and undici implement it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { code: number; reason: string }) => void,
  ): void;
}

export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
) => WebSocketLike;

/** `readyState` of an open WHATWG WebSocket. */
const OPEN = 1;

/** Default silence before the client sends `{"type":"ping"}`, until `welcome` states the server's interval. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** Default extra silence after the ping before the connection counts as dead. */
export const HEARTBEAT_TIMEOUT_MS = 10_000;
/** Default time a connection attempt may take from the constructor to `welcome`. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Default wait after close code 1008 (flooding): long, so a misbehaving client does not hammer the server. */
export const POLICY_VIOLATION_DELAY_MS = 60_000;
/** A connection that lasted this long resets the backoff; a shorter one keeps growing it. */
export const STABLE_CONNECTION_MS = 10_000;
/** Wait before resending after `INTERNAL_ERROR`, which carries no `clientMsgId`. */
const INTERNAL_ERROR_RETRY_MS = 2_000;

/** Sequence numbers of own messages remembered for marking replays as own; older ones are dropped. */
const OWN_SEQS_MAX = 1_000;

export interface ChatClientOptions {
  /** WebSocket endpoint such as `ws://127.0.0.1:3000/chat`; `http(s):` is accepted and converted. */
  url: string;
  /** Requested username; an empty one requests a guest name from the server. */
  username: string;
  /** WebSocket class: `globalThis.WebSocket` in browsers, `WebSocket` from undici on Node. */
  WebSocket: WebSocketConstructor;
  /** Clock for every timer (default RealClock); tests pass a VirtualClock. */
  clock?: Clock;
  /** Reconnect backoff (default 500 ms doubling to 30 s with full jitter). */
  backoff?: BackoffOptions;
  /** Base wait after close code 1008, in milliseconds (default 60 000, equal jitter). */
  policyViolationDelayMs?: number;
  /** Time from opening a socket to `welcome`, in milliseconds (default 10 000). */
  connectTimeoutMs?: number;
  /** Silence before pinging, in milliseconds, until `welcome` sets it (default 30 000). */
  heartbeatIntervalMs?: number;
  /** Extra silence after that before dropping the connection, in milliseconds (default 10 000). */
  heartbeatTimeoutMs?: number;
  /** Asks the server why a connection failed; `null` turns it off (default: `fetch` when present). */
  probeHandshake?: HandshakeProbe | null;
  /** Source of `clientMsgId` values (default 24 random hex digits). */
  createClientMsgId?: () => string;
  /** Randomness for the jitter of the 1008 wait (default Math.random). */
  random?: () => number;
}

/**
 * State of the connection.
 * - `connecting`: an attempt is under way.
 * - `connected`: `welcome` arrived.
 * - `reconnecting`: waiting for the next attempt (see `retryAt`).
 * - `rejected`: the server rejected the handshake for a reason that would repeat, so the user must change something.
 * - `closed`: `close()` was called.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'rejected' | 'closed';

/** Reason the last connection ended, for the status line. */
export type DisconnectReason =
  | 'connect-failed'
  | 'connect-timeout'
  | 'heartbeat-timeout'
  | 'going-away'
  | 'history-reset'
  | 'policy-violation'
  | 'message-too-big'
  | 'slow-consumer'
  | 'server-closed';

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** Reconnect attempts since the last stable connection. */
  attempt: number;
  /** Clock time (`client.now()`) of the next attempt while `reconnecting`. */
  retryAt?: number;
  /** The wait that was scheduled, in milliseconds. */
  retryDelayMs?: number;
  disconnect?: { reason: DisconnectReason; code: number };
  rejection?: HandshakeRejection;
  /** The name the server assigned (it may carry a ` (2)` suffix). */
  username?: string;
}

/** A chat message as the client delivers it: at most once per `seq` and epoch, in `seq` order. */
export interface ReceivedMessage extends ChatMessage {
  /** True when one of this client's own names sent it. */
  own: boolean;
  /** True when it came from a history replay rather than a live broadcast. */
  replayed: boolean;
}

export type PresenceChange =
  | { kind: 'join' | 'leave'; username: string; count: number }
  | {
      kind: 'summary';
      joined: string[];
      left: string[];
      joinedCount: number;
      leftCount: number;
      count: number;
    };

export interface ServerError {
  code: ErrorCode;
  message: string;
  retryAfterMs?: number;
  clientMsgId?: string;
}

/** Every event of the client with its payload. */
export interface ChatClientEvents {
  state: ConnectionSnapshot;
  welcome: { username: string; count: number; limits: ChatLimits };
  message: ReceivedMessage;
  users: { users: string[]; count: number; truncated: boolean };
  presence: PresenceChange;
  /** Messages were missed for good: the server history was reset or trimmed past the resume point. */
  historyLost: { epochChanged: boolean; lost: number };
  serverError: ServerError;
  /** A send changed state: queued, sent, confirmed or failed. */
  outgoing: OutgoingMessage;
}

export type SendResult =
  | { ok: true; message: OutgoingMessage }
  | { ok: false; code: 'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG'; graphemes: number; max: number }
  | { ok: false; code: 'NOT_CONNECTED' };

type Listener<K extends keyof ChatClientEvents> = (payload: ChatClientEvents[K]) => void;

export class ChatClient {
  readonly #options: ChatClientOptions;
  readonly #url: URL;
  readonly #clock: Clock;
  readonly #backoff: Backoff;
  readonly #probe: HandshakeProbe | null;
  readonly #createClientMsgId: () => string;
  readonly #listeners = new Map<keyof ChatClientEvents, Set<(payload: never) => void>>();

  readonly #outbox = new Outbox();
  readonly #sequence = new SequenceTracker();
  readonly #ownNames = new Set<string>();
  /** `seq` of the messages this client sent, in the current epoch, oldest first. */
  readonly #ownSeqs = new Set<number>();
  #users = new Set<string>();
  #userCount = 0;
  #usersTruncated = false;

  #snapshot: ConnectionSnapshot = { state: 'closed', attempt: 0 };
  #started = false;
  #socket: WebSocketLike | undefined;
  #opened = false;
  #welcomed = false;
  #connectedAt = 0;
  #lastFrameAt = 0;
  #pingSent = false;
  #resumeRequested = false;
  #epochChangedAtWelcome = false;
  #limits: ChatLimits | undefined;
  #bucket: TokenBucket | undefined;
  #heartbeatIntervalMs: number;

  #connectTimer: TimerHandle | undefined;
  #retryTimer: TimerHandle | undefined;
  #heartbeatTimer: TimerHandle | undefined;
  #flushTimer: TimerHandle | undefined;

  constructor(options: ChatClientOptions) {
    this.#options = options;
    this.#url = parseChatUrl(options.url);
    this.#clock = options.clock ?? new RealClock();
    this.#backoff = new Backoff(options.backoff);
    this.#probe = options.probeHandshake === undefined ? defaultProbe() : options.probeHandshake;
    this.#createClientMsgId = options.createClientMsgId ?? createClientMsgId;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
  }

  /** The connection state, attempt count, countdown and reasons. */
  get snapshot(): ConnectionSnapshot {
    return { ...this.#snapshot };
  }

  /** Limits from the last `welcome`, or undefined before the first one. */
  get limits(): ChatLimits | undefined {
    return this.#limits;
  }

  /** Current clock time, to turn `retryAt` into a countdown. */
  now(): number {
    return this.#clock.now();
  }

  /** Messages queued or in flight. */
  pendingCount(): number {
    return this.#outbox.pendingCount();
  }

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof ChatClientEvents>(type: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /**
   * Starts connecting. A username the server would reject is rejected here without a connection,
   * with the same rule and code as the server.
   */
  connect(): void {
    if (this.#started) return;
    this.#started = true;

    const name = this.#options.username;
    if (name.trim() !== '') {
      const checked = validateUsername(name);
      if (!checked.ok) {
        this.#setState({
          state: 'rejected',
          attempt: 0,
          rejection: { status: 400, code: checked.code, message: '' },
        });
        return;
      }
    }
    this.#open();
  }

  /** Skips the rest of the backoff wait and tries now. */
  reconnectNow(): void {
    if (this.#snapshot.state !== 'reconnecting') return;
    this.#retryTimer?.cancel();
    this.#retryTimer = undefined;
    this.#open();
  }

  /**
   * Queues a message and sends it as soon as the connection and the rate limit allow. The text is
   * validated with the server's rule first; an invalid text is not queued.
   */
  send(text: string): SendResult {
    const state = this.#snapshot.state;
    if (state === 'closed' || state === 'rejected') return { ok: false, code: 'NOT_CONNECTED' };

    const checked = validateMessage(
      text,
      this.#limits?.maxMessageGraphemes ?? MAX_MESSAGE_GRAPHEMES,
    );
    if (!checked.ok) return checked;

    const item = this.#outbox.add(this.#createClientMsgId(), checked.value);
    this.#emit('outgoing', { ...item });
    this.#flush();
    return { ok: true, message: { ...item } };
  }

  /** Requests the user list, which arrives as a `users` event. Returns false while offline. */
  who(): boolean {
    return this.#sendCommand({ type: 'who' });
  }

  /** Closes the connection for good; queued messages stay unsent. */
  close(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#stopConnectionTimers();
    this.#retryTimer?.cancel();
    this.#retryTimer = undefined;
    socket?.close(CloseCode.NORMAL, 'client closed');
    if (this.#snapshot.state !== 'closed')
      this.#setState({ state: 'closed', attempt: this.#snapshot.attempt });
  }

  // ---------------------------------------------------------------------------------------------
  // Connecting and disconnecting.

  #open(): void {
    this.#setState({
      state: 'connecting',
      attempt: this.#snapshot.attempt,
      disconnect: this.#snapshot.disconnect,
    });
    const url = this.#handshakeUrl();

    let socket: WebSocketLike;
    try {
      socket = new this.#options.WebSocket(url, [PROTOCOL_V1]);
    } catch {
      // The URL was checked in the constructor, so this is the environment rejecting the socket,
      // for example a browser policy. It counts as a failed attempt and backs off.
      this.#afterDisconnect('connect-failed', 1006);
      return;
    }

    this.#socket = socket;
    this.#opened = false;
    this.#welcomed = false;
    this.#resumeRequested = false;
    this.#connectTimer = this.#clock.setTimeout(() => {
      this.#connectTimer = undefined;
      this.#abandon('connect-timeout');
    }, this.#options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);

    socket.addEventListener('open', () => {
      if (socket !== this.#socket) return;
      this.#opened = true;
      this.#lastFrameAt = this.#clock.now();
    });
    socket.addEventListener('message', (event: { data: unknown }) => {
      if (socket === this.#socket) this.#onFrame(event.data);
    });
    // A WHATWG WebSocket always fires `close` after `error`, so all recovery happens in `close`.
    socket.addEventListener('error', () => {});
    socket.addEventListener('close', (event: { code: number }) => {
      if (socket === this.#socket) this.#onClose(event.code);
    });
  }

  #handshakeUrl(): string {
    const url = new URL(this.#url);
    url.searchParams.set('username', this.#options.username);
    const resume = this.#sequence.resumePoint();
    if (resume) {
      url.searchParams.set('epoch', resume.epoch);
      url.searchParams.set('after', String(resume.after));
    }
    return url.href;
  }

  #onClose(code: number): void {
    const opened = this.#opened;
    this.#socket = undefined;
    this.#stopConnectionTimers();

    if (code === CloseCode.MESSAGE_TOO_BIG) this.#failOversizedInFlight();

    if (!opened) {
      void this.#probeThenRetry();
      return;
    }
    this.#afterDisconnect(reasonForCloseCode(code), code);
  }

  /** Drops the current socket without waiting for its close handshake, which a dead peer never completes. */
  #abandon(reason: DisconnectReason): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    this.#stopConnectionTimers();
    try {
      socket.close();
    } catch {
      // Closing a socket that is already failing may throw in some implementations; it is gone either way.
    }
    this.#afterDisconnect(reason, 1006);
  }

  /**
   * A socket that never opened cannot show the HTTP status of the refused handshake, so the
   * client asks the server directly. A 400 or 403 would repeat on every attempt, so the user is
   * asked to change something instead of the client retrying forever.
   */
  async #probeThenRetry(): Promise<void> {
    const url = this.#handshakeUrl();
    let rejection: HandshakeRejection | undefined;
    if (this.#probe) {
      try {
        rejection = await this.#probe(url);
      } catch {
        rejection = undefined;
      }
    }

    if (this.#snapshot.state === 'closed' || this.#socket) return;
    if (rejection && (rejection.status === 400 || rejection.status === 403)) {
      this.#outbox.requeueInFlight();
      this.#setState({ state: 'rejected', attempt: this.#snapshot.attempt, rejection });
      return;
    }
    this.#afterDisconnect('connect-failed', 1006);
  }

  #afterDisconnect(reason: DisconnectReason, code: number): void {
    if (this.#snapshot.state === 'closed') return;

    // NOTE: the server dedupes resends only within one epoch. A message that was broadcast but
    // not acknowledged before a server restart is sent again and appears twice.
    for (const item of this.#outbox.requeueInFlight()) this.#emit('outgoing', { ...item });

    const stable = this.#welcomed && this.#clock.now() - this.#connectedAt >= STABLE_CONNECTION_MS;
    if (stable) this.#backoff.reset();
    this.#welcomed = false;

    let delayMs: number;
    if (reason === 'policy-violation') {
      const base = this.#options.policyViolationDelayMs ?? POLICY_VIOLATION_DELAY_MS;
      delayMs = backoffDelay(0, {
        initialDelayMs: base,
        maxDelayMs: base,
        jitter: 'equal',
        random: this.#options.random,
      });
      this.#backoff.next();
    } else {
      delayMs = this.#backoff.next();
    }

    const attempt = this.#backoff.attempt;
    this.#retryTimer = this.#clock.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#open();
    }, delayMs);
    this.#setState({
      state: 'reconnecting',
      attempt,
      retryAt: this.#clock.now() + delayMs,
      retryDelayMs: delayMs,
      disconnect: { reason, code },
    });
  }

  #stopConnectionTimers(): void {
    this.#connectTimer?.cancel();
    this.#connectTimer = undefined;
    this.#heartbeatTimer?.cancel();
    this.#heartbeatTimer = undefined;
    this.#flushTimer?.cancel();
    this.#flushTimer = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Heartbeat: the browser responds to the server's ping frames but never shows them to scripts,
  // so the client only receives data frames. After `interval` of silence it sends
  // `{"type":"ping"}` to provoke a `pong`. After `interval + timeout` it gives the connection up.

  #scheduleHeartbeat(): void {
    this.#heartbeatTimer?.cancel();
    const intervalMs = this.#heartbeatIntervalMs;
    const deadAfterMs = intervalMs + (this.#options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS);
    const silentMs = this.#clock.now() - this.#lastFrameAt;

    if (silentMs >= deadAfterMs) {
      this.#abandon('heartbeat-timeout');
      return;
    }
    if (silentMs >= intervalMs && !this.#pingSent) {
      this.#pingSent = true;
      this.#bucket?.take(this.#clock.now());
      this.#sendCommand({ type: 'ping' });
    }

    const nextCheckAt = this.#lastFrameAt + (this.#pingSent ? deadAfterMs : intervalMs);
    this.#heartbeatTimer = this.#clock.setTimeout(
      () => this.#scheduleHeartbeat(),
      Math.max(1, nextCheckAt - this.#clock.now()),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Incoming frames.

  #onFrame(data: unknown): void {
    this.#lastFrameAt = this.#clock.now();
    this.#pingSent = false;
    if (typeof data !== 'string') return;

    const decoded = decodeServerFrame(data, 'v1');
    // NOTE: a frame this client cannot decode (for example an event added by a newer server) is
    // ignored rather than treated as fatal.
    if (!decoded.ok) return;
    this.#handleEvent(decoded.value);
  }

  #handleEvent(event: V1ServerEvent): void {
    switch (event.type) {
      case 'welcome':
        this.#onWelcome(event);
        return;
      case 'users':
        this.#users = new Set(event.users);
        this.#userCount = event.count;
        this.#usersTruncated = event.truncated;
        this.#emitUsers();
        return;
      case 'history':
        this.#onHistory(event);
        return;
      case 'message':
        this.#onMessage(event);
        return;
      case 'join':
      case 'leave':
        // Connected names are unique, so a leave of this connection's name is stale: it belongs
        // to an older connection of this client (after a reconnect or a 1012).
        if (event.type === 'leave' && this.#isCurrentName(event.username)) return;
        if (event.type === 'join') this.#users.add(event.username);
        else this.#users.delete(event.username);
        this.#userCount = event.count;
        this.#emit('presence', { kind: event.type, username: event.username, count: event.count });
        this.#emitUsers();
        return;
      case 'presence': {
        const left = event.left.filter((name) => !this.#isCurrentName(name));
        const leftCount = event.leftCount - (event.left.length - left.length);
        for (const name of event.joined) this.#users.add(name);
        for (const name of left) this.#users.delete(name);
        this.#userCount = event.count;
        if (event.joinedCount > 0 || leftCount > 0) {
          this.#emit('presence', {
            kind: 'summary',
            joined: event.joined,
            left,
            joinedCount: event.joinedCount,
            leftCount,
            count: event.count,
          });
        }
        this.#emitUsers();
        return;
      }
      case 'ack': {
        const item = this.#outbox.get(event.clientMsgId);
        if (item && this.#outbox.confirm(item, event.seq)) {
          this.#rememberOwn(event.seq);
          this.#emit('outgoing', { ...item });
        }
        return;
      }
      case 'pong':
        return;
      case 'error':
        this.#onServerError(event);
        return;
    }
  }

  #isCurrentName(username: string): boolean {
    return this.#welcomed && username === this.#snapshot.username;
  }

  #onWelcome(event: Extract<V1ServerEvent, { type: 'welcome' }>): void {
    this.#connectTimer?.cancel();
    this.#connectTimer = undefined;
    this.#welcomed = true;
    this.#connectedAt = this.#clock.now();
    this.#limits = event.limits;
    this.#bucket = new TokenBucket(
      event.limits.rateBurst,
      event.limits.ratePerSecond,
      this.#clock.now(),
    );
    this.#heartbeatIntervalMs = event.heartbeatIntervalMs;
    this.#ownNames.add(event.username);
    this.#epochChangedAtWelcome =
      this.#sequence.welcome(event.epoch, event.seq) || this.#epochChangedAtWelcome;

    this.#setState({
      state: 'connected',
      attempt: this.#backoff.attempt,
      username: event.username,
    });
    this.#emit('welcome', { username: event.username, count: event.count, limits: event.limits });
    this.#scheduleHeartbeat();
    this.#flush();
  }

  #onHistory(event: Extract<V1ServerEvent, { type: 'history' }>): void {
    this.#resumeRequested = false;
    const outcome = this.#sequence.history(
      event.epoch,
      event.messages,
      event.lost,
      event.epochChanged,
    );
    const epochChanged = outcome.epochChanged || this.#epochChangedAtWelcome;
    this.#epochChangedAtWelcome = false;
    if (epochChanged) this.#ownSeqs.clear();
    if (epochChanged || outcome.lost > 0)
      this.#emit('historyLost', { epochChanged, lost: outcome.lost });

    for (const message of outcome.delivered) this.#deliver(message, true);
  }

  #onMessage(event: Extract<V1ServerEvent, { type: 'message' }>): void {
    const { seq, username, message, timestamp } = event;
    const delivered = this.#sequence.receive({ seq, username, message, timestamp });
    for (const received of delivered) this.#deliver(received, false);

    // A gap in `seq` means this client missed a message, for example when more messages were
    // broadcast during its join than the server keeps for a joining client. The client requests
    // the missing ones once and keeps later messages back until they arrive.
    if (this.#sequence.hasGap && !this.#resumeRequested) {
      const resume = this.#sequence.resumePoint();
      if (
        resume &&
        this.#sendCommand({ type: 'resume', epoch: resume.epoch, after: resume.after })
      ) {
        this.#resumeRequested = true;
      }
    }
  }

  /**
   * Emits a message, marked own when this client sent it. A name alone is not enough: a replay
   * can contain messages that another connection sent earlier under the same name.
   */
  #deliver(message: ChatMessage, replayed: boolean): void {
    let own = this.#ownSeqs.has(message.seq);
    if (!own && !replayed && this.#ownNames.has(message.username))
      own = this.#confirmByBroadcast(message);
    this.#emit('message', { ...message, own, replayed });
  }

  #rememberOwn(seq: number): void {
    this.#ownSeqs.add(seq);
    if (this.#ownSeqs.size > OWN_SEQS_MAX) {
      const [oldest] = this.#ownSeqs;
      this.#ownSeqs.delete(oldest!);
    }
  }

  /**
   * Confirms the oldest in-flight send with the text of an own broadcast. The broadcast arrives
   * just before its `ack`, and confirming now keeps a UI from showing the message twice. The
   * server handles one connection's frames in order, so the oldest match is the right one.
   */
  #confirmByBroadcast(message: ChatMessage): boolean {
    const match = this.#outbox.inFlight().find((item) => item.text === message.message);
    if (!match || !this.#outbox.confirm(match, message.seq)) return false;

    this.#rememberOwn(message.seq);
    this.#emit('outgoing', { ...match });
    return true;
  }

  #onServerError(event: Extract<V1ServerEvent, { type: 'error' }>): void {
    const error: ServerError = { code: event.code, message: event.message };
    if (event.retryAfterMs !== undefined) error.retryAfterMs = event.retryAfterMs;
    if (event.clientMsgId !== undefined) error.clientMsgId = event.clientMsgId;
    this.#emit('serverError', error);

    if (event.code === 'INTERNAL_ERROR') {
      // The server does not say which command failed, and a resend is safe (it dedupes by
      // clientMsgId), so everything in flight goes out again a little later.
      this.#retryInFlightAfter(INTERNAL_ERROR_RETRY_MS);
      return;
    }

    const item = event.clientMsgId === undefined ? undefined : this.#outbox.get(event.clientMsgId);
    if (event.code === 'RATE_LIMITED' || event.code === 'HUB_UNAVAILABLE') {
      this.#holdAfterRejection(item, event.code, event.retryAfterMs ?? 1000);
      return;
    }
    if (!item) return;
    if (this.#outbox.fail(item, { code: event.code, message: event.message }))
      this.#emit('outgoing', { ...item });
  }

  /**
   * Queues a message the server turned away for a moment (rate limit, or a cluster node without
   * Redis) and every message sent after it, then resends them in order after the delay. The
   * server handles frames in order, so the later ones were most likely turned away too, and a
   * resend of one it accepted after all is deduplicated by its clientMsgId. A rejection that
   * names no message (a rate-limited ping or `who`, or an older server) requeues everything in
   * flight.
   */
  #holdAfterRejection(
    item: OutgoingMessage | undefined,
    code: 'RATE_LIMITED' | 'HUB_UNAVAILABLE',
    delayMs: number,
  ): void {
    const inFlight = this.#outbox.inFlight();
    let affected = inFlight;
    if (item !== undefined) {
      const index = inFlight.indexOf(item);
      affected = index === -1 ? [] : inFlight.slice(index);
      if (item.status === 'queued') affected.push(item);
    }

    for (const message of affected) {
      message.status = 'queued';
      message.heldBy = code === 'RATE_LIMITED' ? 'rate-limit' : 'server-unavailable';
      this.#emit('outgoing', { ...message });
    }
    this.#scheduleFlush(delayMs);
  }

  #retryInFlightAfter(delayMs: number): void {
    for (const item of this.#outbox.requeueInFlight()) this.#emit('outgoing', { ...item });
    this.#scheduleFlush(delayMs);
  }

  /**
   * Marks the message that caused close code 1009 failed, so it is never resent. The close frame
   * names no message. The client never writes a frame above the `maxFrameBytes` of `welcome`, so
   * the culprit is an in-flight message above that limit, or else the largest in-flight one.
   */
  #failOversizedInFlight(): void {
    const inFlight = this.#outbox.inFlight();
    if (inFlight.length === 0) return;

    const sizes = inFlight.map((item) => frameBytes(messageFrame(item)));
    const limit = this.#limits?.maxFrameBytes;
    let culprits = inFlight.filter((_item, index) => limit !== undefined && sizes[index]! > limit);
    if (culprits.length === 0) culprits = [inFlight[sizes.indexOf(Math.max(...sizes))]!];

    for (const item of culprits) {
      if (this.#outbox.fail(item, { code: 'MESSAGE_TOO_BIG' })) this.#emit('outgoing', { ...item });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Outgoing frames.

  #flush(): void {
    if (!this.#welcomed || !this.#socket || this.#flushTimer) return;

    for (const item of this.#outbox.queued()) {
      const frame = messageFrame(item);
      if (this.#limits && frameBytes(frame) > this.#limits.maxFrameBytes) {
        // The server would close the connection with 1009; failing here keeps the connection.
        if (this.#outbox.fail(item, { code: 'MESSAGE_TOO_BIG' }))
          this.#emit('outgoing', { ...item });
        continue;
      }

      const waitMs = this.#bucket?.take(this.#clock.now()) ?? 0;
      if (waitMs > 0) {
        this.#holdQueued('rate-limit');
        this.#scheduleFlush(waitMs);
        return;
      }

      if (!this.#write(frame)) return;
      item.status = 'sent';
      delete item.heldBy;
      this.#emit('outgoing', { ...item });
    }
  }

  /** Marks every queued message as held for `reason`, reporting those whose reason changed. */
  #holdQueued(reason: OutgoingHold): void {
    for (const item of this.#outbox.queued()) {
      if (item.heldBy === reason) continue;
      item.heldBy = reason;
      this.#emit('outgoing', { ...item });
    }
  }

  #scheduleFlush(delayMs: number): void {
    this.#flushTimer?.cancel();
    this.#flushTimer = this.#clock.setTimeout(() => {
      this.#flushTimer = undefined;
      this.#flush();
    }, delayMs);
  }

  #sendCommand(command: V1ClientCommand): boolean {
    if (!this.#welcomed) return false;
    return this.#write(encodeEvent(command));
  }

  #write(frame: string): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(frame);
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Events.

  #setState(snapshot: ConnectionSnapshot): void {
    this.#snapshot = snapshot;
    this.#emit('state', { ...snapshot });
  }

  #emitUsers(): void {
    const users = [...this.#users].sort();
    this.#emit('users', { users, count: this.#userCount, truncated: this.#usersTruncated });
  }

  #emit<K extends keyof ChatClientEvents>(type: K, payload: ChatClientEvents[K]): void {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<K>)(payload);
      } catch (error) {
        // A failing listener must not stop the connection logic half-way through a state change,
        // so its error is rethrown in a microtask, where the page or process reports it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** Parses the endpoint, accepting `http(s):` for convenience; throws a TypeError naming the value. */
export function parseChatUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`invalid chat URL "${value}": use a URL such as ws://127.0.0.1:3000/chat`);
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new TypeError(`invalid chat URL "${value}": the scheme must be ws: or wss:`);
  }
  return url;
}

function reasonForCloseCode(code: number): DisconnectReason {
  switch (code) {
    case CloseCode.GOING_AWAY:
      return 'going-away';
    case CloseCode.SERVICE_RESTART:
      return 'history-reset';
    case CloseCode.POLICY_VIOLATION:
      return 'policy-violation';
    case CloseCode.MESSAGE_TOO_BIG:
      return 'message-too-big';
    case CloseCode.SLOW_CONSUMER:
      return 'slow-consumer';
    default:
      return 'server-closed';
  }
}

function messageFrame(item: OutgoingMessage): string {
  return encodeEvent({ type: 'message', message: item.text, clientMsgId: item.clientMsgId });
}

const encoder = new TextEncoder();

function frameBytes(frame: string): number {
  return encoder.encode(frame).byteLength;
}

function defaultProbe(): HandshakeProbe | null {
  return typeof globalThis.fetch === 'function' ? fetchHandshakeProbe : null;
}
