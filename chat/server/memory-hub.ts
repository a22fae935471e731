// In-memory ChatHub for a single server process: the one place that assigns sequence numbers,
// a bounded history window, a bounded dedupe window and the set of online names.
import { randomUUID } from 'node:crypto';

import type { ChatMessage } from '../../shared/protocol.ts';
import { HistoryWindow } from './history.ts';
import type {
  ChatHub,
  HistoryResult,
  HubEvent,
  HubStatus,
  PublishRequest,
  PublishResult,
  ResumePoint,
} from './hub.ts';

export interface MemoryHubOptions {
  /** Messages kept for replay and resume. */
  historySize: number;
  /** Client message ids remembered for dedupe; the oldest is forgotten first. */
  dedupeSize: number;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
}

export class MemoryChatHub implements ChatHub {
  /** Random id of this history; a restarted server gets a new one, so old sequence numbers are void. */
  readonly epoch = randomUUID();

  #seq = 0;
  #history: HistoryWindow;
  #dedupe = new Map<string, number>();
  #online = new Set<string>();
  #listeners = new Set<(event: HubEvent) => void>();
  #options: Required<MemoryHubOptions>;

  constructor(options: MemoryHubOptions) {
    this.#options = { now: Date.now, ...options };
    this.#history = new HistoryWindow(options.historySize);
  }

  async join(requestedName: string): Promise<{ username: string; count: number }> {
    let username = requestedName;
    for (let suffix = 2; this.#online.has(username); suffix++)
      username = `${requestedName} (${suffix})`;

    this.#online.add(username);
    const count = this.#online.size;
    this.#emit({ type: 'presence', change: 'join', username, count });
    return { username, count };
  }

  async leave(username: string): Promise<{ count: number }> {
    if (!this.#online.delete(username)) return { count: this.#online.size };

    const count = this.#online.size;
    this.#emit({ type: 'presence', change: 'leave', username, count });
    return { count };
  }

  async users(limit: number): Promise<{ users: string[]; count: number }> {
    // Join order, not sorted: sorting every name for every connecting client would make a
    // connection storm cost O(N² log N).
    const users: string[] = [];
    for (const name of this.#online) {
      if (users.length >= limit) break;
      users.push(name);
    }
    return { users, count: this.#online.size };
  }

  async publishMessage(request: PublishRequest): Promise<PublishResult> {
    const dedupeKey =
      request.clientMsgId === undefined
        ? undefined
        : `${request.senderKey}\u0000${request.clientMsgId}`;
    const originalSeq = dedupeKey === undefined ? undefined : this.#dedupe.get(dedupeKey);
    if (originalSeq !== undefined) return { epoch: this.epoch, seq: originalSeq, duplicate: true };

    this.#seq += 1;
    const message: ChatMessage = {
      seq: this.#seq,
      username: request.username,
      message: request.message,
      timestamp: Math.floor(this.#options.now() / 1000),
    };

    this.#history.push(message);

    if (dedupeKey !== undefined && this.#options.dedupeSize > 0) {
      this.#dedupe.set(dedupeKey, message.seq);
      if (this.#dedupe.size > this.#options.dedupeSize) {
        this.#dedupe.delete(this.#dedupe.keys().next().value as string);
      }
    }

    this.#emit({ type: 'message', message });
    return { epoch: this.epoch, seq: message.seq, duplicate: false };
  }

  async history(after: ResumePoint | undefined, limit: number): Promise<HistoryResult> {
    if (after === undefined) {
      return { epoch: this.epoch, messages: this.#newest(limit), lost: 0, epochChanged: false };
    }

    if (after.epoch !== this.epoch) {
      return { epoch: this.epoch, messages: this.#newest(limit), lost: 0, epochChanged: true };
    }

    // The window contains consecutive sequence numbers, so the oldest kept one gives the number
    // of missed messages that are gone.
    const oldestKept = this.#history.oldest()?.seq ?? this.#seq + 1;
    const lost = Math.max(0, oldestKept - 1 - after.seq);
    const messages = this.#history.after(after.seq);
    return { epoch: this.epoch, messages, lost, epochChanged: false };
  }

  async status(): Promise<HubStatus> {
    return { epoch: this.epoch, seq: this.#seq, count: this.#online.size };
  }

  subscribe(listener: (event: HubEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }

  #newest(limit: number): ChatMessage[] {
    return this.#history.newest(limit);
  }

  #emit(event: HubEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
