// Queues the events of the reconnecting chat client so that the lesson prints them where its
// script reaches them, in the order the client emitted them. Printing on arrival would interleave
// the client's lines with the other clients' lines differently on every run.

import type { ChatClient, ChatClientEvents } from '../../shared/chat-client.ts';

/** The client events the lesson shows; presence and user-list updates are left out. */
const SHOWN = ['state', 'message', 'historyLost', 'outgoing', 'serverError'] as const;

export type ShownEvent = {
  [K in (typeof SHOWN)[number]]: { type: K; payload: ChatClientEvents[K] };
}[(typeof SHOWN)[number]];

export class ClientEvents {
  readonly #queue: ShownEvent[] = [];
  readonly #print: (event: ShownEvent) => void;
  #wake: (() => void) | undefined;

  /** Subscribes to `client`; `print` turns each event into a lesson line when it is taken. */
  constructor(client: ChatClient, print: (event: ShownEvent) => void) {
    this.#print = print;
    for (const type of SHOWN) {
      client.on(type, (payload) => {
        this.#queue.push({ type, payload } as ShownEvent);
        this.#wake?.();
      });
    }
  }

  /** Prints queued events, waiting for more as needed, up to and including the first that matches. */
  async printUntil(matches: (event: ShownEvent) => boolean): Promise<ShownEvent> {
    for (;;) {
      while (this.#queue.length > 0) {
        const event = this.#queue.shift()!;
        this.#print(event);
        if (matches(event)) return event;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}
