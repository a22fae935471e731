/**
 * Lesson 12: validation and safety.
 *
 * Run it:  npm run lesson 12
 *
 * The real chat server starts on 127.0.0.1 with its default limits, and scripted clients send it
 * one bad input after another. Each case prints what was sent and how the server responded: an
 * HTTP status before the upgrade, an `error` event on an open connection, or a close code.
 *
 * Watch for four things:
 * 1. Names are checked before the upgrade: a bad name never becomes a connection.
 * 2. Lengths count graphemes (what a reader sees as one character), so 20 × "😀" is a valid name
 *    although it is 40 UTF-16 code units and 80 bytes.
 * 3. A bad message gets an `error` and the connection stays open; a frame that breaks the
 *    protocol (too big, not UTF-8) or a client that keeps flooding gets closed.
 * 4. An HTML payload is broadcast exactly as it was sent. The server never escapes text: a client
 *    renders it as text (`textContent`, React), so escaping twice can never happen.
 */

import { formatVarying, log, useMessages } from '../../shared/lesson.ts';
import {
  openClient,
  showFrame,
  startLessonServer,
  tryHandshake,
  type ScriptedClient,
  type ServerEvent,
} from '../../shared/lesson-chat.ts';
import { countGraphemes } from '../../shared/text.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

// Default limits: 20-grapheme names, 500-grapheme messages, 64 KiB frames, a bucket of 10
// messages refilled at 3 per second, and a close after 30 rate-limited frames within 10 s.
const server = await startLessonServer();
const { maxMessageGraphemes, maxFrameBytes, rateBurst, floodMaxRejections } = server.config;
log(t.listening(server.url));

let caseNumber = 0;

/** Prints the heading of the next case. */
function startCase(description: string): void {
  caseNumber++;
  log(t.caseHeading(caseNumber, description));
}

/** Tries a handshake and prints the HTTP response status. */
async function checkHandshake(query: Record<string, string>, headers: Record<string, string> = {}) {
  const rejected = await tryHandshake(server, query, headers);
  if (rejected) log(`  → HTTP ${rejected.status} ${rejected.code}: ${rejected.message}`);
  else log(`  → HTTP 101 Switching Protocols ${t.accepted}`);
}

/** Prints an `error` event as its code and message. */
function showError(event: ServerEvent): void {
  log(`  → error ${String(event.code)}: ${String(event.message)}`);
}

// Part 1: the handshake. The server checks the `username` query parameter and the `Origin`
// header before it switches protocols, and rejects with an HTTP status and a JSON body.
log(t.part1);

startCase(t.nameTooLong(countGraphemes('abcdefghijklmnopqrstu')));
await checkHandshake({ username: 'abcdefghijklmnopqrstu' });

// U+202E RIGHT-TO-LEFT OVERRIDE makes the following text display backwards: "\u202Eecila"
// renders as "alice", a way to impersonate someone.
startCase(t.nameBidi);
await checkHandshake({ username: '\u202Eecila' });

// Zero-width spaces take no room on screen, so this name would look empty in every list.
startCase(t.nameInvisible);
await checkHandshake({ username: '\u200B\u200B\u200B' });

// 20 emoji are 20 graphemes, so the name fits, although it is 40 UTF-16 code units long.
const emojiName = '😀'.repeat(20);
startCase(t.nameEmoji(emojiName.length, Buffer.byteLength(emojiName)));
const emoji = await openClient(server, 'emoji', { username: emojiName, v1: true });
const welcome = (await emoji.skipTo('welcome')).event;
log(`  → HTTP 101 Switching Protocols: welcome ${JSON.stringify({ username: welcome.username })}`);
await emoji.close();

// A browser always sends `Origin` with a WebSocket upgrade. Without this check any web page the
// user visits could open the chat in the user's name (cross-site WebSocket hijacking).
startCase(t.foreignOrigin('https://evil.example'));
await checkHandshake({ username: 'mallory' }, { Origin: 'https://evil.example' });

startCase(t.ownOrigin(`http://127.0.0.1:${server.port}`));
await checkHandshake({ username: 'alice' }, { Origin: `http://127.0.0.1:${server.port}` });

// Part 2: frames on an open connection. tester speaks v1, watcher is a plain client. A rejected
// message gets an `error` event, and the connection stays open.
log(t.part2);
const tester = await openClient(server, 'tester', { username: 'tester', v1: true });
const watcher = await openClient(server, 'watcher', { username: 'watcher' });

startCase(t.emptyMessage);
tester.say({ type: 'message', message: '   ' });
showError(await tester.skipTo('error').then(({ event }) => event));

startCase(t.longMessage(maxMessageGraphemes + 1, maxMessageGraphemes));
tester.socket.send(
  JSON.stringify({ type: 'message', message: 'a'.repeat(maxMessageGraphemes + 1) }),
);
showError(await tester.skipTo('error').then(({ event }) => event));

startCase(t.binaryFrame);
tester.socket.send(Buffer.from([0x68, 0x69]), { binary: true });
showError(await tester.skipTo('error').then(({ event }) => event));

// The JSON parser's own text differs between Node versions, so only the code is printed.
startCase(t.malformedV1);
tester.say('{"type":"message",');
log(`  → error ${String((await tester.skipTo('error')).event.code)}`);

// In the plain protocol every text frame is a chat message, so broken JSON is just text.
startCase(t.malformedPlain);
watcher.say('{"type":"message",');
await watcher.showNextOf('message');

// The payload comes back byte for byte. Had the server escaped it, the client would receive
// `&lt;img …&gt;`, and a client that renders safely (escaping once more) would show the
// entities instead of the text the user typed.
const payload = '<img src=x onerror=alert(1)>';
startCase(t.htmlPayload);
tester.say({ type: 'message', message: payload });
const delivered = await watcher.showNextOf('message');
log(t.unchanged(delivered.message === payload));
log(t.escapedOnce(escapeHtml(payload)));
log(t.escapedTwice(escapeHtml(escapeHtml(payload))));
await tester.close();
await watcher.close();

// Part 3: frames that end the connection.
log(t.part3);

// `maxPayload` in ws: a frame above 64 KiB is refused as soon as its header announces the length,
// before the payload is buffered, and the connection closes with 1009.
startCase(t.bigFrame(maxFrameBytes + 1024, maxFrameBytes));
const big = await openClient(server, 'big', { username: 'big' });
big.socket.send('x'.repeat(maxFrameBytes + 1024));
showClose(await big.closed);

// RFC 6455 requires text frames to be valid UTF-8; 0xFF never occurs in UTF-8.
startCase(t.invalidUtf8);
const broken = await openClient(server, 'broken', { username: 'broken' });
broken.socket.send(Buffer.from([0x68, 0x69, 0xff]), { binary: false });
showClose(await broken.closed);

// A token bucket of `rateBurst` messages, refilled at `ratePerSecond`. Each frame beyond it gets
// RATE_LIMITED; after `floodMaxRejections` of those within the flood window, the server gives up
// on the client and closes with 1008 (policy violation).
// NOTE: the counts below hold while the frames arrive within about 330 ms, the time the bucket
// takes to refill one token at 3 per second; a machine that stalls longer accepts one more.
const floodSize = rateBurst + floodMaxRejections + 10;
startCase(t.flood(floodSize));
const flooder = await openClient(server, 'flooder', { username: 'flooder', v1: true });
await flooder.skipTo('history');
for (let i = 1; i <= floodSize; i++) {
  flooder.socket.send(JSON.stringify({ type: 'message', message: `spam ${i}` }));
}
await summariseFlood(flooder, floodSize);

await server.close();
log(t.serverStopped);

/** Prints the close code and reason a client saw. */
function showClose(closed: { code: number; reason: string }): void {
  log(`  → close ${closed.code}${closed.reason === '' ? '' : ` "${closed.reason}"`}`);
}

/**
 * Prints what the flooding client received until its socket closed (broadcasts, RATE_LIMITED errors
 * with one sample, the close code) and how many of the `sentCount` frames got no reply at all.
 */
async function summariseFlood(client: ScriptedClient, sentCount: number): Promise<void> {
  const closed = await client.closed;
  const events = client.frames
    .slice(client.frames.length - client.unread)
    .map((frame) => JSON.parse(frame) as ServerEvent);
  const broadcasts = events.filter((event) => event.type === 'message').length;
  const errors = events.filter((event) => event.type === 'error' && event.code === 'RATE_LIMITED');

  log(t.floodAccepted(broadcasts));
  log(t.floodRejected(errors.length));
  const sample = errors[0];
  if (sample) log(`  ${t.floodSample(hideRetryAfter(JSON.stringify(sample), sample))}`);
  showClose(closed);
  const unanswered = sentCount - broadcasts - errors.length;
  if (unanswered > 0) log(t.floodUnanswered(unanswered));
}

/** Hides the wait in a RATE_LIMITED error: it depends on how fast the frames arrived. */
function hideRetryAfter(frame: string, event: ServerEvent): string {
  return showFrame(frame).replaceAll(
    String(event.retryAfterMs),
    formatVarying(String(event.retryAfterMs)),
  );
}

/** Escapes the five characters that are special in HTML, as a server-side escaper would. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
