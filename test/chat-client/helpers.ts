// Shared setup for the reconnecting client's unit tests: a client on a virtual clock with a fake
// WebSocket, an event recorder, and builders for the server events of a successful handshake.

import {
  ChatClient,
  type ChatClientEvents,
  type ChatClientOptions,
} from '../../shared/chat-client.ts';
import { VirtualClock } from '../../shared/clock.ts';
import type { ChatMessage, V1ServerEvent } from '../../shared/protocol.ts';
import { createFakeWebSocket, type FakeWebSocket } from './fake-websocket.ts';

export const LIMITS = {
  maxMessageGraphemes: 500,
  maxFrameBytes: 65_536,
  rateBurst: 5,
  ratePerSecond: 2,
};

export type RecordedEvent = {
  [K in keyof ChatClientEvents]: { type: K; payload: ChatClientEvents[K] };
}[keyof ChatClientEvents];

export function setupClient(options: Partial<ChatClientOptions> = {}) {
  const clock = new VirtualClock();
  const fake = createFakeWebSocket();
  let nextId = 1;
  const client = new ChatClient({
    url: 'ws://127.0.0.1:3000/chat',
    username: 'alice',
    WebSocket: fake.WebSocket,
    clock,
    probeHandshake: null,
    // random() = 1 turns full jitter into the full capped delay, so the numbers are predictable.
    backoff: { initialDelayMs: 500, maxDelayMs: 8_000, random: () => 1 },
    random: () => 1,
    createClientMsgId: () => `m${nextId++}`,
    ...options,
  });

  const events: RecordedEvent[] = [];
  const types: (keyof ChatClientEvents)[] = [
    'state',
    'welcome',
    'message',
    'users',
    'presence',
    'historyLost',
    'serverError',
    'outgoing',
  ];
  for (const type of types)
    client.on(type, (payload) => events.push({ type, payload } as RecordedEvent));

  const of = <K extends keyof ChatClientEvents>(type: K): ChatClientEvents[K][] =>
    events
      .filter((event) => event.type === type)
      .map((event) => event.payload as ChatClientEvents[K]);

  const latest = (): FakeWebSocket => {
    const socket = fake.sockets.at(-1);
    if (!socket) throw new Error('the client has not opened a socket');
    return socket;
  };

  return { client, clock, sockets: fake.sockets, events, of, latest };
}

export function welcomeEvent(
  overrides: Partial<Extract<V1ServerEvent, { type: 'welcome' }>> = {},
): V1ServerEvent {
  return {
    type: 'welcome',
    username: 'alice',
    epoch: 'epoch-1',
    seq: 0,
    count: 1,
    heartbeatIntervalMs: 30_000,
    limits: LIMITS,
    ...overrides,
  };
}

export function chatMessage(seq: number, username = 'bob', text = `message ${seq}`): ChatMessage {
  return { seq, username, message: text, timestamp: 1_700_000_000 + seq };
}

/** Plays a successful v1 handshake: open, welcome, users, history. */
export function acceptConnection(
  socket: FakeWebSocket,
  options: {
    epoch?: string;
    seq?: number;
    history?: ChatMessage[];
    lost?: number;
    epochChanged?: boolean;
    username?: string;
  } = {},
): void {
  const epoch = options.epoch ?? 'epoch-1';
  const history = options.history ?? [];
  socket.open();
  socket.receive(
    welcomeEvent({
      epoch,
      seq: options.seq ?? history.at(-1)?.seq ?? 0,
      username: options.username ?? 'alice',
    }),
  );
  socket.receive({
    type: 'users',
    users: [options.username ?? 'alice'],
    count: 1,
    truncated: false,
  });
  socket.receive({
    type: 'history',
    epoch,
    messages: history,
    lost: options.lost ?? 0,
    epochChanged: options.epochChanged ?? false,
  });
}
