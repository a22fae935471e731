// Resume bookkeeping for the reconnecting chat client: the epoch and the last sequence number
// delivered, so that a reconnect requests exactly the messages it missed and a message that
// arrives twice (replay plus live broadcast) or early (a gap in `seq`) is delivered once, in order.
// Browser-safe.

import type { ChatMessage } from './protocol.ts';

/** The point a reconnect resumes from: the `epoch` and `after` handshake query parameters. */
export interface ResumePoint {
  epoch: string;
  after: number;
}

/** Result of applying a `history` event to the sequence. */
export interface HistoryOutcome {
  delivered: ChatMessage[];
  /** Messages after the resume point that the server no longer keeps. */
  lost: number;
  /** True when the server history was reset: the old sequence numbers are void. */
  epochChanged: boolean;
}

/**
 * Delivers chat messages strictly in `seq` order within one epoch. A message ahead of the next
 * expected number is held back until the gap is filled by the `history` event that responds to `resume`.
 */
export class SequenceTracker {
  #epoch: string | undefined;
  #lastSeq = 0;
  // True between a welcome that starts a new epoch (or the first welcome) and its history: the
  // first replayed message sets where the sequence starts.
  #awaitingBaseline = true;
  #welcomeSeq = 0;
  readonly #ahead = new Map<number, ChatMessage>();

  get epoch(): string | undefined {
    return this.#epoch;
  }

  /** Sequence number of the last message delivered (0 before the first one). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** True when messages are held back because of a gap. */
  get hasGap(): boolean {
    return this.#ahead.size > 0;
  }

  /** Returns the resume point for the next handshake, or undefined before the first welcome. */
  resumePoint(): ResumePoint | undefined {
    if (this.#epoch === undefined || this.#awaitingBaseline) return undefined;
    return { epoch: this.#epoch, after: this.#lastSeq };
  }

  /** Records a `welcome`; returns true when its epoch differs from the one seen before. */
  welcome(epoch: string, newestSeq: number): boolean {
    const changed = this.#epoch !== undefined && this.#epoch !== epoch;
    this.#welcomeSeq = newestSeq;
    if (this.#epoch === undefined || changed || this.#awaitingBaseline) {
      this.#epoch = epoch;
      this.#lastSeq = 0;
      this.#awaitingBaseline = true;
      this.#ahead.clear();
    }
    return changed;
  }

  /** Applies a `history` event and returns the messages to show, in order. */
  history(
    epoch: string,
    messages: readonly ChatMessage[],
    lost: number,
    epochChanged: boolean,
  ): HistoryOutcome {
    if (epochChanged || epoch !== this.#epoch) {
      this.#epoch = epoch;
      this.#awaitingBaseline = true;
      this.#ahead.clear();
    }

    if (this.#awaitingBaseline) {
      // Without a usable resume point the server replays only its newest messages, so the
      // sequence starts right before the first of them (or after the newest when there are none).
      this.#lastSeq = messages.length > 0 ? messages[0]!.seq - 1 : this.#welcomeSeq;
      this.#awaitingBaseline = false;
    } else if (lost > 0 && messages.length > 0) {
      // The server trimmed them from its window: skip the hole instead of waiting for it forever.
      this.#lastSeq = Math.max(this.#lastSeq, messages[0]!.seq - 1);
    }

    const delivered: ChatMessage[] = [];
    for (const message of messages) delivered.push(...this.receive(message));
    return { delivered, lost, epochChanged };
  }

  /**
   * Accepts one live message. Returns the messages that can be shown now: none for a duplicate
   * or for a message ahead of a gap, several when it fills a gap.
   */
  receive(message: ChatMessage): ChatMessage[] {
    if (this.#awaitingBaseline || message.seq <= this.#lastSeq) return [];

    if (message.seq > this.#lastSeq + 1) {
      this.#ahead.set(message.seq, message);
      return [];
    }

    const delivered = [message];
    this.#lastSeq = message.seq;
    for (
      let next = this.#ahead.get(this.#lastSeq + 1);
      next;
      next = this.#ahead.get(this.#lastSeq + 1)
    ) {
      this.#ahead.delete(next.seq);
      delivered.push(next);
      this.#lastSeq = next.seq;
    }

    // Anything still held at or below lastSeq can never be delivered; drop it.
    for (const seq of this.#ahead.keys()) if (seq <= this.#lastSeq) this.#ahead.delete(seq);
    return delivered;
  }
}
