// A load-client process of the benchmark: opens its share of the WebSocket connections, sends
// the broadcasts the orchestrator requests from its first connection, and times every delivery.
// Each broadcast carries its send time (`performance.timeOrigin + performance.now()`, in
// milliseconds since the Unix epoch), which processes on one machine can compare with their own
// clock.
import { WebSocket, type RawData } from 'ws';

import type { LoadReport, LoadRequest, ReadyOn } from './ipc.ts';

/** Marks a benchmark broadcast in a frame: `#B<id>:<send time in ms>#`. */
const MARKER = Buffer.from('#B');
const MARKER_END = 0x23; // '#'
const ID_SEPARATOR = 0x3a; // ':'
/** Text after the marker, so that a broadcast has the size of an ordinary chat line (about 100 bytes). */
const FILLER = 'the quick brown fox jumps over the lazy dog, twice over';
const PROGRESS_INTERVAL_MS = 250;

interface BroadcastTally {
  receivers: number;
  lastMs: number;
  /** Per-delivery latencies, kept only for the closed-loop phase. */
  latencies: Float64Array | undefined;
}

const isReady = Symbol('ready');
type LoadSocket = WebSocket & { [isReady]?: boolean };

const sockets: LoadSocket[] = [];
const tallies = new Map<number, BroadcastTally>();
let readyOn: ReadyOn = 'open';
let recordedBroadcasts = 0;
let ready = 0;
let failed = 0;
let firstError: string | undefined;
let otherFrames = 0;
let closedByServer = 0;
const closeCodes: Record<string, number> = {};
let closing = false;

function report(message: LoadReport): void {
  process.send?.(message);
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function markReady(socket: LoadSocket): void {
  if (socket[isReady]) return;
  socket[isReady] = true;
  ready++;
}

// One shared listener for every socket (`this` is the socket), so 10,000 connections do not
// cost 10,000 closures in this process either.
function onMessage(this: LoadSocket, data: RawData): void {
  const receivedAt = now();
  if (readyOn === 'welcome') markReady(this);

  const frame = data as Buffer;
  const start = frame.indexOf(MARKER);
  if (start === -1) {
    otherFrames++;
    return;
  }

  const separator = frame.indexOf(ID_SEPARATOR, start);
  const end = frame.indexOf(MARKER_END, separator);
  const id = Number(frame.toString('latin1', start + MARKER.length, separator));
  const sentAt = Number(frame.toString('latin1', separator + 1, end));
  tally(id, receivedAt - sentAt);
}

function tally(id: number, latencyMs: number): void {
  let entry = tallies.get(id);
  if (!entry) {
    const latencies = id < recordedBroadcasts ? new Float64Array(ready) : undefined;
    entry = { receivers: 0, lastMs: 0, latencies };
    tallies.set(id, entry);
  }

  if (entry.latencies && entry.receivers < entry.latencies.length)
    entry.latencies[entry.receivers] = latencyMs;
  entry.receivers++;
  if (latencyMs > entry.lastMs) entry.lastMs = latencyMs;

  // Every socket that is still open has the broadcast: this process is done with it.
  if (entry.receivers === ready - closedByServer) {
    report({ type: 'received', id, receivers: entry.receivers, lastMs: entry.lastMs });
    if (!entry.latencies) tallies.delete(id);
  }
}

function onOpen(this: LoadSocket): void {
  if (readyOn === 'open') markReady(this);
}

function onClose(this: LoadSocket, code: number): void {
  if (closing || !this[isReady]) return;
  closedByServer++;
  closeCodes[code] = (closeCodes[code] ?? 0) + 1;
}

function onError(this: LoadSocket, error: Error): void {
  firstError ??= error.message;
}

/** Opens `count` connections with at most `concurrency` handshakes in flight. */
function connect(request: Extract<LoadRequest, { type: 'connect' }>): Promise<void> {
  readyOn = request.readyOn;
  recordedBroadcasts = request.recordedBroadcasts;
  let started = 0;
  let settled = 0;

  return new Promise((resolve) => {
    const progress = setInterval(() => report({ type: 'progress', ready }), PROGRESS_INTERVAL_MS);

    const startNext = () => {
      while (started < request.count && started - settled < request.concurrency) {
        const index = started++;
        const url = `${request.url}?username=${request.namePrefix}${index}`;
        const socket: LoadSocket = new WebSocket(url, request.protocols, {
          perMessageDeflate: false,
          // The clients trust the server under test; checking UTF-8 would only slow the receivers.
          skipUTF8Validation: true,
        });
        socket.on('message', onMessage);
        socket.on('open', onOpen);
        socket.on('close', onClose);
        socket.on('error', onError);
        sockets.push(socket);

        let done = false;
        const settle = (ok: boolean) => {
          if (done) return;
          done = true;
          settled++;
          if (!ok) failed++;
          if (ready + failed === request.count) {
            clearInterval(progress);
            resolve();
          } else startNext();
        };
        // A connection counts as settled at its ready event, or when it fails before that.
        const readyEvent = request.readyOn === 'open' ? 'open' : 'message';
        socket.once(readyEvent, () => settle(true));
        socket.once('close', () => settle(false));
      }
    };
    startNext();
  });
}

function sendBroadcast(id: number): void {
  const sender = sockets[0];
  if (!sender || sender.readyState !== WebSocket.OPEN) {
    report({ type: 'error', message: `the sender connection is not open (broadcast ${id})` });
    return;
  }
  const message = `#B${id}:${now()}# ${FILLER}`;
  sender.send(JSON.stringify({ type: 'message', message }));
}

/** Sends broadcasts at a steady rate; a late timer sends everything that is due at once. */
function sendAtRate(firstId: number, count: number, ratePerSecond: number): void {
  const intervalMs = 1000 / ratePerSecond;
  const startedAt = performance.now();
  let sent = 0;

  const tick = () => {
    const due = Math.min(count, Math.floor((performance.now() - startedAt) / intervalMs) + 1);
    while (sent < due) sendBroadcast(firstId + sent++);
    if (sent < count)
      setTimeout(tick, Math.max(0, startedAt + sent * intervalMs - performance.now()));
    else report({ type: 'sent', id: firstId + count - 1 });
  };
  tick();
}

function collectLatencies(fromId: number, toId: number): Float64Array {
  const parts: Float64Array[] = [];
  for (let id = fromId; id <= toId; id++) {
    const entry = tallies.get(id);
    if (!entry?.latencies) continue;
    parts.push(entry.latencies.subarray(0, Math.min(entry.receivers, entry.latencies.length)));
    tallies.delete(id);
  }

  const values = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return values;
}

process.on('message', (request: LoadRequest) => {
  switch (request.type) {
    case 'connect':
      void connect(request).then(() => report({ type: 'connected', ready, failed, firstError }));
      return;

    case 'send':
      sendBroadcast(request.id);
      return;

    case 'send-rate':
      sendAtRate(request.firstId, request.count, request.ratePerSecond);
      return;

    case 'latencies':
      report({ type: 'latencies', values: collectLatencies(request.fromId, request.toId) });
      return;

    case 'close':
      closing = true;
      for (const socket of sockets) socket.terminate();
      // Exit only once the report is on its way, or the orchestrator would never see it.
      process.send?.(
        { type: 'closed', closedByServer, closeCodes, otherFrames } satisfies LoadReport,
        () => process.exit(0),
      );
  }
});

// The orchestrator died or dropped the channel: nobody will collect the results, so stop now.
process.on('disconnect', () => process.exit(0));
