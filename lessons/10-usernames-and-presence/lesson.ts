/**
 * Lesson 10: usernames, join and leave, presence.
 *
 * Run it:  npm run lesson 10
 *
 * The real chat server starts on 127.0.0.1, and alice (a `loopchat.v1` client) watches the room
 * while others arrive and go. Every frame she receives is printed as `alice ← {…}`.
 *
 * Watch for five things:
 * 1. The name comes from the `username` query parameter, trimmed. Without one the server picks a
 *    guest name, and a name already in use gets a ` (2)` suffix instead of being rejected.
 * 2. A v1 client learns its name from `welcome`; a plain client only sees its own join notice.
 * 3. Every join and leave notice carries the new number of people online.
 * 4. `who` returns the user list with the count (v1 only).
 * 5. Twenty clients that join within one presence interval arrive as one summary event, not
 *    twenty: `presence` for v1 clients, a single `join` with "…and 18 others" for plain ones.
 *    Up to three changes in one interval still arrive as one notice each.
 */

import { log, useMessages } from '../../shared/lesson.ts';
import {
  openClient,
  ServerLog,
  startLessonServer,
  type ScriptedClient,
} from '../../shared/lesson-chat.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

// The server collects joins and leaves and sends them together once per presence interval
// (100 ms by default). Here the interval is a minute, and the lesson ends each interval itself
// with `server.flushPresence()`, so that which joins share an interval does not depend on how fast
// the machine opens twenty connections.
const PRESENCE_FLUSH_MS = 60_000;
const CROWD_SIZE = 20;

const serverLog = new ServerLog();
const server = await startLessonServer({
  presenceFlushMs: PRESENCE_FLUSH_MS,
  logger: serverLog.logger,
});
log(t.listening(server.url));

/** Ends the current presence interval: the server sends what it has collected. */
function endPresenceInterval(): void {
  log(t.intervalEnds);
  server.flushPresence();
}

/**
 * Closes a client and resolves once the server has handled the close, so that leaves are queued
 * in the order the lesson closes the clients.
 */
async function leave(client: ScriptedClient): Promise<void> {
  await client.close();
  await serverLog.next('client disconnected');
}

// Part 1: alice asks for her name in the query and offers `loopchat.v1`; `welcome` confirms it.
// The join itself is queued on the server before the handshake response leaves it.
log(t.part1);
log(t.connect('alice', '/chat?username=alice', 'loopchat.v1'));
const alice = await openClient(server, 'alice', { username: 'alice', v1: true });
await alice.showNext();
await alice.showNext();
await alice.showNext();
endPresenceInterval();
await alice.showNext();

// Spaces around a name are trimmed before it is checked and used.
log(t.connect('dave', '/chat?username=%20%20dave%20%20', 'loopchat.v1'));
const dave = await openClient(server, 'dave', { username: '  dave  ', v1: true });
await dave.showNext();
log(t.trimmed);
endPresenceInterval();
await alice.showNext();

// No name at all: the server picks a guest name with four random digits.
log(t.connect('guest', '/chat', 'loopchat.v1'));
const guest = await openClient(server, 'guest', { v1: true });
await guest.showNext();
log(t.guestName);
endPresenceInterval();
await alice.showNext();

// A second "alice", this time a plain client. The name is taken, so the server appends " (2)".
// A plain client gets no welcome: its own join notice is the only place it sees its name.
log(t.connect('alice2', '/chat?username=alice', t.noSubprotocol));
const alice2 = await openClient(server, 'alice2', { username: 'alice' });
endPresenceInterval();
await alice.showNext();
await alice2.showNext();
log(t.duplicate);

// Part 2: the user list. `who` is a v1 command; plain clients have no way to ask.
log(t.part2);
alice.say({ type: 'who' });
await alice.showNext();

// Part 3: a leave notice carries the new count too.
log(t.part3);
log(t.leaves('dave'));
await leave(dave);
endPresenceInterval();
await alice.showNext();
await alice2.showNext();

// Part 4: a crowd of twenty plain clients joins within one interval. Sent one by one, their joins
// would cost 20 notices × 22 sockets = 440 frames; coalesced, every socket gets one event.
log(t.part4(CROWD_SIZE));
const crowd: ScriptedClient[] = [];
for (let i = 1; i <= CROWD_SIZE; i++) {
  const name = `user${String(i).padStart(2, '0')}`;
  crowd.push(await openClient(server, name, { username: name }));
}
endPresenceInterval();
await alice.showNext();
await alice2.showNext();
log(t.coalesced(CROWD_SIZE));

log(t.crowdLeaves(CROWD_SIZE));
for (const client of crowd) await leave(client);
endPresenceInterval();
await alice.showNext();
await alice2.showNext();

// Part 5: the rest leave, and the server stops; nothing is left open, so Node exits.
log(t.part5);
await leave(guest);
await leave(alice2);
endPresenceInterval();
await alice.showNext();
await alice.showNext();
await alice.close();
await server.close();
log(t.serverStopped);
