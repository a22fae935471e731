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
  timeoutMs: number,
): void {
  const news = feed.updatesAfter(after);
  if (news.length > 0) {
    sendJson(response, news);
    return;
  }

  // Nothing new yet: hold the response until a publish, the timeout or the client leaving.
  const stopWaiting = () => {
    clearTimeout(timer);
    unsubscribe();
    response.off('close', stopWaiting);
  };
  const timer = setTimeout(() => {
    stopWaiting();
    response.writeHead(204).end();
  }, timeoutMs);
  const unsubscribe = feed.subscribe(() => {
    const updates = feed.updatesAfter(after);
    if (updates.length === 0) return;
    stopWaiting();
    sendJson(response, updates);
  });
  // stopWaiting removes this listener again, because 'close' also fires after a normal response.
  response.on('close', stopWaiting);
}

function sendJson(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
