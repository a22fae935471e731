/**
 * Lesson 11: heartbeat and reconnect.
 *
 * Run it:  npm run lesson 11
 *
 * The real chat server runs with a fast heartbeat (a ping sweep every 250 ms). Scripted `ws`
 * clients print their frames as `name ← {…}`. carol uses the reconnecting client of
 * `shared/chat-client.ts` (the one the browser and terminal clients use), and her lines read
 * `carol: …`.
 *
 * Watch for four things:
 * 1. Two kinds of ping: the JSON `ping` command and the WebSocket ping frame of the heartbeat sweep.
 * 2. A client that stops replying to ping frames is terminated, and the others see it leave.
 * 3. When carol's network drops, she waits with capped, jittered exponential backoff, and after
 *    reconnecting she receives exactly the messages she missed, each once. The message she typed
 *    while offline is sent once, too.
 * 4. When the server restarts, carol reconnects by herself and learns from the new epoch that the
 *    old history is gone.
 */

import { once } from 'node:events';

import { WebSocket } from 'undici';

import { Backoff, type BackoffOptions } from '../../shared/backoff.ts';
import { ChatClient } from '../../shared/chat-client.ts';
import { chatClientMessagesFor, describeDisconnect } from '../../shared/chat-client.messages.ts';
import { formatDuration, lessonLanguage, log, useMessages } from '../../shared/lesson.ts';
import { openClient, ServerLog, startLessonServer } from '../../shared/lesson-chat.ts';
import { ClientEvents, type ShownEvent } from './client-events.ts';
import { startLink } from './link.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);
const clientText = chatClientMessagesFor(lessonLanguage());

const HEARTBEAT_INTERVAL_MS = 250;
// A client is dropped after 750 ms of silence. The margin over one interval lets the lesson ride
// out a busy machine: a stalled event loop delays the pongs that keep alice and bob alive.
const HEARTBEAT_TIMEOUT_MS = 500;
// carol's client sends a JSON ping after each 250 ms of silence, up to 4 frames per second. The
// default refill of 3 per second would soon rate-limit her, so this server refills faster.
const RATE_PER_SECOND = 10;

const BACKOFF: BackoffOptions = {
  initialDelayMs: 200,
  maxDelayMs: 800,
  factor: 2,
  jitter: 'equal',
};
const RANDOM_SEED = 11;

const serverOptions = {
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
  heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
  ratePerSecond: RATE_PER_SECOND,
  presenceFlushMs: 20,
};
const serverLog = new ServerLog();
let server = await startLessonServer({ ...serverOptions, logger: serverLog.logger });
log(t.listening(server.url, HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS));

// Part 1: alice's `welcome` states the heartbeat interval. She sends a JSON ping and gets a pong;
// the WebSocket library sends the pong for each ping frame of the sweep, and the application never sees them.
log(t.part1);
const alice = await openClient(server, 'alice', { username: 'alice', v1: true });
await alice.showNext();
await alice.skipTo('join');
alice.say({ type: 'ping', id: 'p1' });
await alice.showNextOf('pong');
log(t.appPing);
await once(alice.socket, 'ping');
log(t.pingFrame);

// Part 2: mallory never replies. Any frame from a client counts as a sign of life, so the sweep
// terminates her once she has been silent for longer than interval + timeout.
log(t.part2);
log(t.malloryConnects);
const mallory = await openClient(server, 'mallory', { username: 'mallory', autoPong: false });
await alice.showNextOf('join');
const terminated = await serverLog.next('terminating silent client');
log(t.terminated(String(terminated.username), formatDuration(Number(terminated.silentMs))));
log(t.malloryClosed((await mallory.closed).code));
await alice.showNextOf('leave');

// Part 3: bob joins as a plain client; carol connects through a relay the lesson can cut.
log(t.part3);
const bob = await openClient(server, 'bob', { username: 'bob' });
await alice.showNextOf('join');

// The backoff draws its jitter from a seeded generator, so this plan is exactly what carol's
// client will wait. `Backoff` is the class the client uses internally.
const planned = new Backoff({ ...BACKOFF, random: seededRandom(RANDOM_SEED) });
const plan = Array.from({ length: 5 }, () => Math.round(planned.next()));
log(t.backoffPlan(BACKOFF.initialDelayMs!, BACKOFF.maxDelayMs!, plan.join(', ')));

log(t.viaLink);
const link = await startLink(server.port);
let clientMsgIds = 0;
const carol = new ChatClient({
  url: `ws://127.0.0.1:${link.port}/chat`,
  username: 'carol',
  WebSocket,
  backoff: { ...BACKOFF, random: seededRandom(RANDOM_SEED) },
  createClientMsgId: () => `carol-${++clientMsgIds}`,
});
const carolEvents = new ClientEvents(carol, describe);
carol.connect();
await carolEvents.printUntil(isState('connected'));
await alice.showNextOf('join');

alice.say({ type: 'message', message: 'hi carol' });
await alice.showNextOf('message');
await carolEvents.printUntil((event) => event.type === 'message');

// The relay destroys both TCP connections without a close frame. carol's client sees close code
// 1006 at once; the server sees its side close as well and broadcasts carol's leave.
log(t.cut);
link.cut();
await carolEvents.printUntil(isState('reconnecting'));
await alice.showNextOf('leave');

log(t.keepChatting);
alice.say({ type: 'message', message: 'did carol drop?' });
await alice.showNextOf('message');
bob.say('looks like it');
await alice.showNextOf('message');
alice.say({ type: 'message', message: 'she will catch up' });
await alice.showNextOf('message');

// `send` works offline: the message waits in the outbox with its clientMsgId.
log(t.sendOffline);
carol.send('sorry, my wifi');
await carolEvents.printUntil((event) => event.type === 'outgoing');

// The first retry fails while the relay still rejects connections. After the second failure the
// network comes back, so the next attempt succeeds. The handshake carries `epoch` and `after`
// (the last sequence number carol saw), and the server replays exactly what came after it.
await carolEvents.printUntil(isState('reconnecting'));
log(t.restore);
link.restore();
await carolEvents.printUntil(isState('connected'));
await carolEvents.printUntil(isOutgoing('confirmed'));
await carolEvents.printUntil((event) => event.type === 'message' && event.payload.own);
log(t.resumed(3));

// Part 4: a restart. The new server has a new epoch, and carol's resume point belongs to the old
// one, so the server replays nothing and reports that the epoch changed.
log(t.part4);
log(t.restarting);
const { port } = server;
await server.close();
log(t.plainClosed('alice', (await alice.closed).code));
log(t.plainClosed('bob', (await bob.closed).code));
server = await startLessonServer({ ...serverOptions, port, logger: serverLog.logger });
log(t.newServer);
await carolEvents.printUntil((event) => event.type === 'historyLost');

// alice and bob have no reconnect logic, so the lesson opens a new client for bob to greet carol.
log(t.bobReconnects);
const bobAgain = await openClient(server, 'bob', { username: 'bob' });
bobAgain.say('welcome back, carol');
await carolEvents.printUntil((event) => event.type === 'message');

carol.close();
await carolEvents.printUntil(isState('closed'));
await bobAgain.close();
await link.close();
await server.close();
log(t.stopped);

/** Prints one of carol's events. */
function describe(event: ShownEvent): void {
  switch (event.type) {
    case 'state': {
      const { state, disconnect, attempt, retryDelayMs, username, rejection } = event.payload;
      if (state === 'connecting') log(t.stateConnecting);
      else if (state === 'connected') log(t.stateConnected(username ?? ''));
      else if (state === 'closed') log(t.stateClosed);
      else if (state === 'rejected') log(t.stateRejected(rejection?.code ?? ''));
      else {
        const reason = disconnect ? describeDisconnect(clientText, disconnect.reason) : '';
        const code = disconnect?.code ?? 0;
        log(t.stateReconnecting(reason, code, attempt, Math.round(retryDelayMs ?? 0)));
      }
      return;
    }
    case 'message': {
      const { seq, username, message, replayed } = event.payload;
      log(t.message(seq, username, message, replayed));
      return;
    }
    case 'historyLost':
      log(event.payload.epochChanged ? t.epochChanged : t.historyLost(event.payload.lost));
      return;
    case 'outgoing': {
      const { text, status, seq, failure } = event.payload;
      const shown =
        status === 'queued'
          ? t.statusQueued
          : status === 'sent'
            ? t.statusSent
            : status === 'confirmed'
              ? t.statusConfirmed(seq ?? 0)
              : t.statusFailed(failure?.code ?? '');
      log(t.outgoing(text, shown));
      return;
    }
    case 'serverError':
      log(t.serverError(event.payload.code, event.payload.message));
      return;
  }
}

function isState(state: string): (event: ShownEvent) => boolean {
  return (event) => event.type === 'state' && event.payload.state === state;
}

function isOutgoing(status: string): (event: ShownEvent) => boolean {
  return (event) => event.type === 'outgoing' && event.payload.status === status;
}

/** Mulberry32: a small seeded generator of numbers in [0, 1), the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
