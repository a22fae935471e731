/**
 * Lesson 13: C10K, small and live.
 *
 * Run it:         npm run lesson 13
 * More clients:   npm run lesson 13 -- --clients 5000
 *
 * The real chat server starts on 127.0.0.1, and 2,000 `ws` clients connect to it. To keep the
 * lesson one command, the clients run in the same process as the server, so the memory figures
 * cover both ends of each connection. `npm run bench` measures the server alone, with the
 * clients in other processes.
 *
 * Watch for five things:
 * 1. Two thousand sockets that wait cost kilobytes each, not a thread each: one event loop
 *    sleeps in the kernel (epoll, kqueue, IOCP) until one of them has data.
 * 2. One broadcast is 2,000 socket writes: its time grows with the number of clients.
 * 3. A large message costs its size once per client, because every client gets its own copy.
 * 4. Compression (permessage-deflate) shrinks the bytes, but keeps a zlib context per connection
 *    and compresses the same message once per client.
 * 5. Binary frames carry bytes as they are, where text frames would need base64.
 */

import { once } from 'node:events';
import { deflateRawSync } from 'node:zlib';
import { WebSocket } from 'ws';

import type { ChatServer } from '../../chat/server/server.ts';
import { startLessonServer } from '../../shared/lesson-chat.ts';
import {
  formatDuration,
  formatVarying,
  lessonOption,
  log,
  useMessages,
} from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const DEFAULT_CLIENTS = 2_000;
const MIN_CLIENTS = 10;
const MAX_CLIENTS = 10_000;
/** Handshakes in flight at once: enough to be quick, few enough for the listen backlog (511). */
const HANDSHAKES_IN_FLIGHT = 100;
const LARGE_MESSAGE_CHARACTERS = 16_000;
/** Clients of the two small servers that compare compression; fewer, because zlib is costly. */
const COMPRESSION_CLIENTS = 200;
const IMAGE_BYTES = 8_192;
/** A typical default thread stack on Linux (`ulimit -s`); each thread reserves one. */
const THREAD_STACK_MIB = 8;
const KIB = 1024;
const MIB = 1024 * 1024;

const clientOption = lessonOption('clients');
const clients = typeof clientOption === 'string' ? Number(clientOption) : DEFAULT_CLIENTS;
if (!Number.isInteger(clients) || clients < MIN_CLIENTS || clients > MAX_CLIENTS) {
  process.stderr.write(t.invalidClients(String(clientOption), MIN_CLIENTS, MAX_CLIENTS) + '\n');
  process.exit(2);
}

/**
 * Opens `count` plain clients with at most HANDSHAKES_IN_FLIGHT handshakes at a time. A client
 * that offers no subprotocol speaks the plain protocol, so the server sends it no welcome,
 * user list or history: after the handshake it only gets broadcasts.
 */
async function openClients(server: ChatServer, count: number, compress: boolean) {
  const sockets: WebSocket[] = [];
  let next = 0;

  async function openOne(): Promise<void> {
    while (next < count) {
      const index = next++;
      const url = `ws://127.0.0.1:${server.port}/chat?username=c${index}`;
      const socket = new WebSocket(url, { perMessageDeflate: compress });
      sockets.push(socket);
      await once(socket, 'open');
    }
  }

  try {
    await Promise.all(Array.from({ length: HANDSHAKES_IN_FLIGHT }, openOne));
  } catch (error) {
    // EMFILE: this process ran out of file descriptors, one per socket end. A stack trace would
    // not help, so the learner gets one line with the command that fixes it.
    const { code, message } = error as NodeJS.ErrnoException;
    process.stderr.write(
      (code === 'EMFILE' ? t.tooManyFiles(count * 2 + 100) : t.connectFailed(message)) + '\n',
    );
    process.exit(1);
  }

  // The hub counts a client once the server has joined it; from then on broadcasts reach it.
  while ((await server.hub.status()).count < count) await new Promise((r) => setTimeout(r, 5));
  return sockets;
}

/** Resolves with each receiver's next frame once every receiver has one. */
function nextFrames(receivers: WebSocket[]): Promise<Buffer[]> {
  return Promise.all(
    receivers.map((socket) => once(socket, 'message').then(([data]) => data as Buffer)),
  );
}

/** Sends a chat message and returns the time until the last receiver has it, with its frame. */
async function timeBroadcast(sender: WebSocket, receivers: WebSocket[], text: string) {
  const arrived = nextFrames(receivers);
  const startedAt = performance.now();
  sender.send(text);
  const frames = await arrived;
  return { ms: performance.now() - startedAt, frame: frames[0]! };
}

/** Returns a frame's size on the wire: a 2-byte header, 4 bytes above 125 bytes of payload. */
function frameBytes(payloadBytes: number): number {
  return payloadBytes + (payloadBytes > 125 ? 4 : 2);
}

const rssMiB = () => process.memoryUsage().rss / MIB;

// Step 1: the server, and 2,000 clients. Presence notices go out only when the lesson calls
// `flushPresence()`, so the 2,000 joins arrive together at the end.
const server = await startLessonServer({
  presenceFlushMs: 60_000,
  maxMessageGraphemes: LARGE_MESSAGE_CHARACTERS + 100,
});
log(t.listening(server.url));

const rssBefore = rssMiB();
log(t.step1(clients, HANDSHAKES_IN_FLIGHT));
const startedAt = performance.now();
const sockets = await openClients(server, clients, false);
log(t.connected(clients, formatDuration(performance.now() - startedAt)));

const joinNotices = nextFrames(sockets);
server.flushPresence();
const [firstNotice] = await joinNotices;
const notice = JSON.parse(firstNotice!.toString()) as { username: string; count: number };
log(t.joinSummary(clients, notice.username.replace(/^.* and /, ''), notice.count));

// Step 2: what an idle connection costs. Both ends live in this process, so this is a server
// connection plus a client connection.
const perConnectionKiB = ((rssMiB() - rssBefore) * KIB) / clients;
log(t.step2);
log(
  t.memory(
    formatVarying((rssMiB() - rssBefore).toFixed(1)),
    formatVarying(perConnectionKiB.toFixed(1)),
  ),
);
log(t.threads(clients, THREAD_STACK_MIB, clients * THREAD_STACK_MIB));
log(t.eventLoop);

// Step 3: one broadcast, timed from the send to the last of the receivers.
log(t.step3);
const sender = sockets[0]!;
const small = await timeBroadcast(sender, sockets, 'hello, everyone');
log(t.broadcastTime(clients, formatDuration(small.ms), frameBytes(small.frame.length)));
log(t.perDelivery(formatVarying(((small.ms * 1000) / clients).toFixed(1))));

// Step 4: a large message. The server encodes it once, but writes it once per client.
log(t.step4(LARGE_MESSAGE_CHARACTERS));
const largeText = 'x'.repeat(LARGE_MESSAGE_CHARACTERS);
const large = await timeBroadcast(sender, sockets, largeText);
const largeFrameBytes = frameBytes(large.frame.length);
log(
  t.largeBroadcast(
    largeFrameBytes,
    clients,
    ((largeFrameBytes * clients) / MIB).toFixed(1),
    formatDuration(large.ms),
  ),
);
log(t.largeCost);

for (const socket of sockets) socket.terminate();
await server.close();

// Step 5: compression. Two small servers get the same repetitive 16,000-character message,
// one with permessage-deflate and one without.
log(t.step5(COMPRESSION_CLIENTS));
const chatText = 'see you at the station at seven, bring the tickets. '
  .repeat(Math.ceil(LARGE_MESSAGE_CHARACTERS / 52))
  .slice(0, LARGE_MESSAGE_CHARACTERS);

for (const compress of [false, true]) {
  const smallServer = await startLessonServer({
    perMessageDeflate: compress,
    presenceFlushMs: 60_000,
    maxMessageGraphemes: LARGE_MESSAGE_CHARACTERS + 100,
  });
  const group = await openClients(smallServer, COMPRESSION_CLIENTS, compress);
  // The join notices go out first: a chat message would otherwise flush them ahead of itself.
  const joins = nextFrames(group);
  smallServer.flushPresence();
  await joins;
  const rssIdle = rssMiB();
  const result = await timeBroadcast(group[0]!, group, chatText);
  const growthKiB = ((rssMiB() - rssIdle) * KIB) / COMPRESSION_CLIENTS;

  // ws compresses with raw deflate, so deflateRawSync gives about the size it sends.
  const wireBytes = compress ? deflateRawSync(result.frame).length : result.frame.length;
  const line = compress ? t.compressed : t.uncompressed;
  log(
    line(
      // zlib's output size may change between zlib versions, so it is hidden with the timings.
      compress ? formatVarying(String(frameBytes(wireBytes))) : String(frameBytes(wireBytes)),
      formatDuration(result.ms),
      formatVarying(growthKiB.toFixed(0)),
    ),
  );

  for (const socket of group) socket.terminate();
  await smallServer.close();
}
log(t.compressionAdvice);

// Step 6: binary frames. The sizes are computed: a picture sent as text must become base64.
log(t.step6);
const image = Buffer.alloc(IMAGE_BYTES, 7);
const asJson = JSON.stringify({ type: 'image', data: image.toString('base64') });
log(t.binarySizes(IMAGE_BYTES, frameBytes(Buffer.byteLength(asJson)), frameBytes(IMAGE_BYTES)));
log(t.binaryAdvice);

log(t.done);
