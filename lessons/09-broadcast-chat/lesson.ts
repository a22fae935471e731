/**
 * Lesson 09: broadcast chat.
 *
 * Run it:  npm run lesson 09
 *
 * The real chat server (chat/server) starts on a free port of 127.0.0.1, and three scripted
 * clients talk to it. alice and bob speak the JSON protocol `loopchat.v1`. carol speaks the plain
 * protocol of the Mojolicious chat this project is modelled on (plain text in, JSON out).
 * Every frame a client receives is printed as `name ← {…}`, every frame it sends as `name → …`.
 *
 * Watch for four things:
 * 1. A message reaches every client, the sender included.
 * 2. alice and bob receive the very same bytes: the server encodes a broadcast once per protocol
 *    version, then writes that buffer to every socket.
 * 3. carol, the plain client, gets the same message without `seq`: each protocol has its own shape.
 * 4. When carol's connection drops, the server removes her socket, tells the others, and the next
 *    broadcast goes to the two sockets that are left.
 */

import { log, useMessages } from '../../shared/lesson.ts';
import { openClient, ServerLog, startLessonServer } from '../../shared/lesson-chat.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

// Joins and leaves are collected for this long and then sent together (presence coalescing).
const PRESENCE_FLUSH_MS = 20;

const serverLog = new ServerLog();
const server = await startLessonServer({
  presenceFlushMs: PRESENCE_FLUSH_MS,
  logger: serverLog.logger,
});
log(t.listening(server.url));

// Part 1: alice and bob offer `loopchat.v1`, so the server greets each of them with `welcome`
// (who you are, the limits), `users` and `history` before any broadcast reaches them.
log(t.part1);
log(t.connectV1('alice'));
const alice = await openClient(server, 'alice', { username: 'alice', v1: true });
await alice.showNext();
await alice.showNext();
await alice.showNext();
log(t.joinCoalesced);
await alice.showNext();

log(t.connectV1('bob'));
const bob = await openClient(server, 'bob', { username: 'bob', v1: true });
await bob.showNext();
await bob.showNext();
await bob.showNext();
await alice.showNext();
await bob.showNext();

// carol offers no subprotocol. Like the Mojolicious chat, the server sends her nothing until
// something happens, and she sends plain text instead of JSON commands.
log(t.connectPlain('carol'));
const carol = await openClient(server, 'carol', { username: 'carol' });
log(t.plainNoWelcome);
await alice.showNext();
await bob.showNext();
await carol.showNext();

// Part 2: one message from alice. The server validates it, gives it the next sequence number,
// stores it in the history and broadcasts it to every open socket, alice's own included.
log(t.part2);
alice.say({ type: 'message', message: 'hi everyone' });
await alice.showNext();
await bob.showNext();
await carol.showNext();
log(t.senderIncluded);

log(t.plainSends);
carol.say('hello from a plain client');
await alice.showNext();
await bob.showNext();
await carol.showNext();

// The broadcast turned the event into JSON once for v1 clients and once for plain clients, and
// wrote the same buffer to every socket of each kind. The bytes on the wire show it.
const identical = alice.frames.at(-1) === bob.frames.at(-1);
log(t.sameBytes(identical ? t.yes : t.no));
log(t.encodedOnce(2, server.connectionCount()));

// Part 3: carol's connection ends without a close handshake, as when a laptop lid closes.
// `terminate()` destroys the TCP socket at once; the server's `close` event reports 1006.
log(t.part3);
log(t.openConnections(server.connectionCount()));
log(t.carolDrops);
carol.socket.terminate();
const disconnected = await serverLog.next('client disconnected');
log(t.carolClosed(Number(disconnected.closeCode)));
await alice.showNext();
await bob.showNext();
log(t.openConnections(server.connectionCount()));

bob.say({ type: 'message', message: 'is carol gone?' });
await alice.showNext();
await bob.showNext();
log(t.skipped(server.connectionCount()));

// Part 4: closing every client and then the server leaves nothing open, so Node exits.
log(t.part4);
log(t.closed('bob', (await bob.close()).code));
await alice.showNext();
log(t.closed('alice', (await alice.close()).code));
await server.close();
log(t.serverStopped);
