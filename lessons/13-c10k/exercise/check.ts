// Check of exercise 13: a ws server on 127.0.0.1 (random port) with 30 real clients. Two
// broadcasts, to 12 sockets and then to all 30 with one of them closed, run through the student's
// broadcastEvent. A spy counts the calls of encode and records what each socket's send was given.
// After each broadcast the check sends every client an end marker, and because frames on one
// connection arrive in order, a client has received its broadcast frame once the marker arrives.

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

import { pick } from '../../../shared/i18n.ts';
import type { Check, CheckResult } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type BroadcastModule = typeof import('./pristine/broadcast.ts');
type Text = typeof messages.en;

const CLIENT_COUNT = 30;
const FIRST_ROUND_SOCKETS = 12;
/** The client (1-based) that closes before the second broadcast. */
const CLOSED_CLIENT = 5;
const END_MARKER = 'end of broadcast';

interface Frame {
  text: string;
  binary: boolean;
}

interface Peer {
  /** The server's end of the connection, with a spy on send. */
  server: WebSocket;
  client: WebSocket;
  /** Data that broadcastEvent passed to the server socket's send, one entry per call. */
  given: unknown[];
  /** Frames the client received since the last end marker. */
  frames: Frame[];
  /** Resolves when the client receives the next end marker. */
  nextMarker: () => Promise<void>;
}

async function connectPeers(server: WebSocketServer, port: number): Promise<Peer[]> {
  const serverSockets = new Map<string, WebSocket>();
  server.on('connection', (socket, request) => serverSockets.set(request.url ?? '', socket));

  const peers: Peer[] = [];
  for (let index = 1; index <= CLIENT_COUNT; index++) {
    const client = new WebSocket(`ws://127.0.0.1:${port}/${index}`);
    const frames: Frame[] = [];
    let markerWaiters: Array<() => void> = [];
    client.on('message', (data, isBinary) => {
      const text = (data as Buffer).toString('utf8');
      if (!isBinary && text === END_MARKER) {
        for (const resolve of markerWaiters) resolve();
        markerWaiters = [];
        return;
      }
      frames.push({ text, binary: isBinary });
    });
    await once(client, 'open');
    // The server emits 'connection' before the client's 'open' arrives.
    const serverSocket = serverSockets.get(`/${index}`)!;

    const given: unknown[] = [];
    const send = serverSocket.send.bind(serverSocket) as (...args: unknown[]) => void;
    serverSocket.send = ((data: unknown, ...rest: unknown[]) => {
      given.push(data);
      send(data, ...rest);
    }) as WebSocket['send'];

    peers.push({
      server: serverSocket,
      client,
      given,
      frames,
      nextMarker: () => new Promise((resolve) => markerWaiters.push(resolve)),
    });
  }
  return peers;
}

/** Quotes the start of a frame's text, so a 2,000-character message fits in one line. */
function preview(text: string): string {
  const limit = 60;
  return text.length > limit ? `${JSON.stringify(text.slice(0, limit))}…` : JSON.stringify(text);
}

/** Runs one broadcast and checks the spies, the return value and what every client received. */
async function broadcastRound(
  broadcastEvent: BroadcastModule['broadcastEvent'],
  peers: Peer[],
  event: unknown,
  t: Text,
): Promise<CheckResult> {
  for (const peer of peers) {
    peer.given.length = 0;
    peer.frames.length = 0;
  }
  const openPeers = peers.filter((peer) => peer.server.readyState === WebSocket.OPEN);
  const expectedText = JSON.stringify(event);

  let encodeCalls = 0;
  const encode = (value: unknown) => {
    encodeCalls++;
    return JSON.stringify(value);
  };
  const returned: unknown = broadcastEvent(
    peers.map((peer) => peer.server),
    event,
    encode,
  );

  // The marker goes through the original send, after whatever the broadcast queued.
  const markers = openPeers.map((peer) => peer.nextMarker());
  for (const peer of openPeers) WebSocket.prototype.send.call(peer.server, END_MARKER, {});
  await Promise.all(markers);

  if (encodeCalls !== 1)
    return { ok: false, problem: t.encodedPerSocket(encodeCalls, openPeers.length) };

  const first = openPeers[0]!.given[0];
  for (const [index, peer] of peers.entries()) {
    const number = index + 1;
    if (peer.server.readyState !== WebSocket.OPEN) {
      if (peer.given.length > 0)
        return { ok: false, problem: t.sentToClosed(number, peer.server.readyState) };
      continue;
    }
    const data = peer.given[0];
    if (typeof data === 'string') return { ok: false, problem: t.sentString(number) };
    if (data !== first) return { ok: false, problem: t.differentBuffers(number) };

    if (peer.frames.length !== 1)
      return { ok: false, problem: t.wrongFrames(number, peer.frames.length) };
    const frame = peer.frames[0]!;
    if (frame.binary) return { ok: false, problem: t.binaryFrame(number) };
    if (frame.text !== expectedText)
      return {
        ok: false,
        problem: t.wrongText(number, preview(frame.text), preview(expectedText)),
      };
  }

  if (returned !== openPeers.length)
    return { ok: false, problem: t.wrongCount(String(returned), openPeers.length) };
  return { ok: true };
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { broadcastEvent } = await context.importFile<BroadcastModule>('broadcast.ts');

  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  try {
    const peers = await connectPeers(server, port);

    const first = await broadcastRound(
      broadcastEvent,
      peers.slice(0, FIRST_ROUND_SOCKETS),
      { type: 'message', seq: 1, username: 'alice', text: 'こんにちは 👋' },
      t,
    );
    if (!first.ok) return first;

    const closing = peers[CLOSED_CLIENT - 1]!;
    const closed = once(closing.server, 'close');
    closing.client.close(1000);
    await closed;

    return await broadcastRound(
      broadcastEvent,
      peers,
      { type: 'message', seq: 2, username: 'bob', text: 'x'.repeat(2_000) },
      t,
    );
  } finally {
    for (const socket of server.clients) socket.terminate();
    server.close();
  }
};

export default check;
