// A fixed-size window of the newest chat messages, stored in a ring buffer so that adding a
// message costs O(1) whatever the window size.
import type { ChatMessage } from '../../shared/protocol.ts';

export class HistoryWindow {
  readonly #capacity: number;
  readonly #slots: (ChatMessage | undefined)[];
  /** Index of the oldest message. */
  #start = 0;
  #size = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#slots = new Array<ChatMessage | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a message, dropping the oldest one when the window is full. */
  push(message: ChatMessage): void {
    if (this.#capacity === 0) return;

    if (this.#size < this.#capacity) {
      this.#slots[(this.#start + this.#size) % this.#capacity] = message;
      this.#size++;
      return;
    }
    this.#slots[this.#start] = message;
    this.#start = (this.#start + 1) % this.#capacity;
  }

  oldest(): ChatMessage | undefined {
    return this.#size === 0 ? undefined : this.#slots[this.#start];
  }

  /** Returns the newest `count` messages, oldest first. */
  newest(count: number): ChatMessage[] {
    return this.#slice(Math.max(0, this.#size - count));
  }

  /**
   * Returns the messages with `seq` greater than `after`, oldest first. The window contains
   * consecutive sequence numbers, so the first one to return is found by subtraction.
   */
  after(seq: number): ChatMessage[] {
    const oldest = this.oldest();
    if (!oldest) return [];
    return this.#slice(Math.max(0, seq - oldest.seq + 1));
  }

  #slice(from: number): ChatMessage[] {
    const messages: ChatMessage[] = [];
    for (let i = from; i < this.#size; i++)
      messages.push(this.#slots[(this.#start + i) % this.#capacity]!);
    return messages;
  }
}
