/**
 * Lesson 06: polling, long polling and WebSocket, measured.
 *
 * Run it:     npm run lesson 06
 * Slow down:  npm run lesson 06 -- --speed 0.5
 *
 * One server publishes 5 updates at fixed moments. Three clients want them:
 * - polling sends GET /poll every second, news or not;
 * - long polling sends GET /long-poll, and the server keeps the request open until there is news;
 * - a WebSocket opens one connection and the server pushes each update down it.
 *
 * Watch for three things:
 * 1. Polling gets an empty response when nothing happened, and delivers the updates of a whole
 *    second at once: its delay is up to one polling interval.
 * 2. Long polling delivers at once, but pays a full HTTP request and response per delivery.
 * 3. The WebSocket pays one HTTP request (the upgrade) and then a few bytes of frame per update.
 */

import { once } from 'node:events';

import { Agent, request, WebSocket } from 'undici';

import { formatDuration, log, useMessages } from '../../shared/lesson.ts';
import { FeedServer, type Update } from './feed-server.ts';
import { messages } from './messages.ts';
import { formatTable } from './table.ts';

const t = useMessages(messages);

// Moments of the 5 publishes, from the start. Each is at least 200 ms away from a polling
// moment (1000, 2000, 3000), so which poll picks up which update is the same on every run.
const PUBLISH_AT_MS = [200, 400, 2300, 2600, 2800];
const POLL_INTERVAL_MS = 1000;
const UPDATE_COUNT = PUBLISH_AT_MS.length;

/** The updates one client received, with the delay of each. */
class Receiver {
  readonly delaysMs: number[] = [];
  lastId = 0;
  emptyResponses = 0;

  receive(updates: Update[]): void {
    for (const update of updates) {
      // Server and clients share one process, so they share Date.now(). Across machines the
      // two clocks would have to be synchronised first.
      this.delaysMs.push(Date.now() - update.publishedAt);
      this.lastId = update.id;
    }
  }

  get done(): boolean {
    return this.lastId === UPDATE_COUNT;
  }
}

// Step 1: the server.
const feed = new FeedServer();
const baseUrl = await feed.listen();
log(t.listening(baseUrl));

// Step 2: the WebSocket client. After the upgrade, the server sends each update as one frame.
const pushed = new Receiver();
const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws`);
const pushedAll = new Promise<void>((resolve) => {
  socket.addEventListener('message', (event) => {
    pushed.receive([JSON.parse(String(event.data)) as Update]);
    if (pushed.done) resolve();
  });
});
await once(socket, 'open');

// Step 3: the long-polling client. Each response carries news, and the client sends the next request at once.
// Each client has its own connection pool (Agent), so the server can tell their traffic apart.
const longPolled = new Receiver();
const longPollAgent = new Agent();
const parked = once(feed, 'parked');
const longPolledAll = (async () => {
  while (!longPolled.done) {
    const response = await request(`${baseUrl}/long-poll?after=${longPolled.lastId}`, {
      dispatcher: longPollAgent,
    });
    if (response.statusCode === 204) await response.body.dump();
    else longPolled.receive((await response.body.json()) as Update[]);
  }
})();
await parked;
log(t.ready);

// Step 4: the publisher. The moments are fixed, counted from here.
for (const delayMs of PUBLISH_AT_MS) {
  setTimeout(() => log(t.published(feed.publish('news').id)), delayMs);
}

// Step 5: the polling client sends a request once a second, whether or not anything happened.
const polled = new Receiver();
const pollAgent = new Agent();
let polls = 0;
const polledAll = new Promise<void>((resolve, reject) => {
  const interval = setInterval(async () => {
    try {
      const after = polled.lastId;
      const response = await request(`${baseUrl}/poll?after=${after}`, { dispatcher: pollAgent });
      const news = (await response.body.json()) as Update[];
      polls++;

      if (news.length === 0) {
        polled.emptyResponses++;
        log(t.pollEmpty(polls, after));
      } else {
        polled.receive(news);
        log(t.pollNews(polls, after, news.length));
      }

      if (polled.done) {
        clearInterval(interval);
        resolve();
      }
    } catch (error) {
      clearInterval(interval);
      reject(error);
    }
  }, POLL_INTERVAL_MS);
});

// Step 6: once every client has every update, close everything, then read the counters:
// a connection's bytes are final only when it has closed.
await Promise.all([pushedAll, longPolledAll, polledAll]);
log(t.allReceived);

socket.close(1000);
await once(socket, 'close');
await Promise.all([longPollAgent.close(), pollAgent.close()]);
await feed.close();

// Step 7: the table.
const traffic = [feed.traffic('polling'), feed.traffic('longPolling'), feed.traffic('websocket')];
const receivers = [polled, longPolled, pushed];
const table = formatTable([
  ['', t.polling, t.longPolling, t.websocket],
  [t.requests, ...traffic.map((row) => String(row.requests))],
  [t.bytesUp, ...traffic.map((row) => String(row.bytesUp))],
  [t.bytesDown, ...traffic.map((row) => String(row.bytesDown))],
  [t.updatesReceived, ...receivers.map((receiver) => String(receiver.delaysMs.length))],
  // A WebSocket has no responses: the server sends a frame only when it has news.
  [t.emptyResponses, String(polled.emptyResponses), String(longPolled.emptyResponses), '-'],
]);
log(t.tableHeading(UPDATE_COUNT));
for (const line of table) log(`  ${line}`);

// The delays vary from run to run, so they stay out of the table, whose columns must line up
// the same way in every run.
log(t.delayHeading);
const names = formatTable([[t.polling], [t.longPolling], [t.websocket]]);
receivers.forEach((receiver, index) => {
  const mean = receiver.delaysMs.reduce((sum, ms) => sum + ms, 0) / receiver.delaysMs.length;
  const max = Math.max(...receiver.delaysMs);
  log(`  ${names[index]}  ${t.delay(formatDuration(mean), formatDuration(max))}`);
});
