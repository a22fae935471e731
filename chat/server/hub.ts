// The transport-neutral chat hub: presence, sequence numbers, history and dedupe behind an async
// interface. The socket layer talks only to this interface, so a hub shared through Redis can
// replace the in-memory one without touching connection handling.
import type { ChatMessage } from '../../shared/protocol.ts';

/** What the hub reports to every subscribed server; a clustered hub reports other nodes' changes too. */
export type HubEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'presence'; change: 'join' | 'leave'; username: string; count: number }
  /** The shared history was lost (Redis restarted empty): older sequence numbers are void. */
  | { type: 'reset'; epoch: string };

export interface PublishRequest {
  /** Display name of the sender. */
  username: string;
  /** Trimmed, validated text. */
  message: string;
  /** Client message id; with `senderKey` it makes a resend broadcast only once. */
  clientMsgId?: string;
  /**
   * Stable identity of the sender across reconnects: the requested username, because a
   * reconnecting client may get a ` (2)` suffix while its old connection is still open.
   */
  senderKey: string;
}

export type PublishResult = { epoch: string; seq: number; duplicate: boolean };

/** A resume point: the epoch and sequence number of the last message a client saw. */
export interface ResumePoint {
  epoch: string;
  seq: number;
}

export interface HistoryResult {
  epoch: string;
  /** Messages in sequence order. */
  messages: ChatMessage[];
  /** Messages after the resume point that fell out of the window. */
  lost: number;
  /** True when the resume point belongs to another epoch: its sequence numbers mean nothing now. */
  epochChanged: boolean;
}

export interface HubStatus {
  epoch: string;
  /** Sequence number of the newest message, 0 when there is none. */
  seq: number;
  /** Connected clients. */
  count: number;
}

export interface ChatHub {
  /** Registers a connection under a free name (`alice`, else `alice (2)` …) and reports the join. */
  join(requestedName: string): Promise<{ username: string; count: number }>;
  /** Releases a name taken by `join` and reports the leave. */
  leave(username: string): Promise<{ count: number }>;
  /** Names of connected users (join order in memory, name order through Redis), at most `limit`, plus the full count. */
  users(limit: number): Promise<{ users: string[]; count: number }>;
  /** Assigns the next sequence number, stores the message and reports it, unless it is a resend. */
  publishMessage(request: PublishRequest): Promise<PublishResult>;
  /** Messages after a resume point, or the newest `limit` messages without one. */
  history(after: ResumePoint | undefined, limit: number): Promise<HistoryResult>;
  status(): Promise<HubStatus>;
  /** False while the hub cannot accept messages (Redis down); absent means always ready. */
  isReady?(): boolean;
  /** Adds a listener for hub events; returns the function that removes it. */
  subscribe(listener: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}

/** Delay a client is told to wait before resending a message the hub could not accept. */
export const HUB_RETRY_AFTER_MS = 1_000;

/** Thrown by `publishMessage` while the hub cannot accept messages (Redis down); nothing was broadcast. */
export class HubUnavailableError extends Error {
  readonly code = 'HUB_UNAVAILABLE';
  readonly retryAfterMs = HUB_RETRY_AFTER_MS;

  constructor(cause?: unknown) {
    super('the chat hub is unavailable; retry later', { cause });
    this.name = 'HubUnavailableError';
  }
}
