// Exercise 06: the server side of long polling, which keeps a request open until there is news.
// Check your work: npm run verify 06      Stuck? npm run hint 06

import type { ServerResponse } from 'node:http';

export interface Update {
  id: number;
  text: string;
}

/** The updates a long poll waits for. */
export interface Feed {
  /** Returns the updates whose id is above `after`, oldest first. */
  updatesAfter(after: number): Update[];
  /** Calls `listener` after every publish. Returns the function that removes the listener. */
  subscribe(listener: () => void): () => void;
}

/**
 * Responds to `GET /long-poll?after=N`: 200 with the updates after N as JSON as soon as there
 * are any, or 204 No Content when none arrives within `timeoutMs`. A request that ends early
 * (the client went away) leaves no listener and no timer behind.
 */
export function handleLongPoll(
  feed: Feed,
  after: number,
  response: ServerResponse,
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the finished exercise uses it
  timeoutMs: number,
): void {
  // EXERCISE: this responds at once even when there is no news, which is plain polling. When
  // nothing is newer than `after`, keep the response open: subscribe to the feed and respond when
  // a publish brings news, or with 204 after timeoutMs. Whichever comes first, and also when the
  // response emits 'close' first, remove the listener and clear the timer.
  sendJson(response, feed.updatesAfter(after));
}

function sendJson(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
