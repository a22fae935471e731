// Unit tests of the reconnecting chat client on a virtual clock with a scripted fake WebSocket:
// backoff, rejections, close codes 1008 and 1009, heartbeat, the outbox and resume.

import { describe, expect, it, test } from 'vitest';

import { parseChatUrl } from '../../shared/chat-client.ts';
import { PROTOCOL_V1 } from '../../shared/protocol.ts';
import { acceptConnection, chatMessage, LIMITS, setupClient, welcomeEvent } from './helpers.ts';

describe('ChatClient', () => {
  describe('connect', () => {
    it('offers loopchat.v1 and sends the username', () => {
      const { client, latest, of } = setupClient();
      client.connect();

      expect(latest().protocols).toEqual([PROTOCOL_V1]);
      expect(latest().url.searchParams.get('username')).toBe('alice');
      expect(latest().url.searchParams.has('epoch')).toBe(false);
      expect(of('state').map((snapshot) => snapshot.state)).toEqual(['connecting']);
    });

    it('reports connected with the assigned name on welcome', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { username: 'alice (2)' });

      expect(client.snapshot.state).toBe('connected');
      expect(client.snapshot.username).toBe('alice (2)');
      expect(of('welcome')).toEqual([{ username: 'alice (2)', count: 1, limits: LIMITS }]);
      expect(of('users').at(-1)).toEqual({ users: ['alice (2)'], count: 1, truncated: false });
    });

    it('rejects an invalid username without a socket', () => {
      const { client, sockets } = setupClient({ username: 'a\u202Eb' });
      client.connect();

      expect(sockets).toHaveLength(0);
      expect(client.snapshot.state).toBe('rejected');
      expect(client.snapshot.rejection?.code).toBe('USERNAME_INVALID_CHARACTERS');
    });

    it('converts an http URL and rejects other schemes', () => {
      expect(parseChatUrl('http://127.0.0.1:3000/chat').href).toBe('ws://127.0.0.1:3000/chat');
      expect(() => parseChatUrl('ftp://127.0.0.1/chat')).toThrow(
        'invalid chat URL "ftp://127.0.0.1/chat": the scheme must be ws: or wss:',
      );
      expect(() => parseChatUrl('not a url')).toThrow('invalid chat URL "not a url"');
    });
  });

  describe('backoff', () => {
    it('doubles the wait up to the cap after failed attempts', async () => {
      const { client, clock, latest, sockets } = setupClient();
      client.connect();

      const delays: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        latest().fail();
        await Promise.resolve();
        delays.push(client.snapshot.retryDelayMs!);
        expect(client.snapshot.state).toBe('reconnecting');
        expect(client.snapshot.retryAt).toBe(clock.now() + client.snapshot.retryDelayMs!);
        clock.runNext();
      }

      expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
      expect(sockets).toHaveLength(7);
    });

    it('spreads the wait with jitter', async () => {
      const { client, latest } = setupClient({
        backoff: { initialDelayMs: 1000, random: () => 0.25 },
      });
      client.connect();
      latest().fail();
      await Promise.resolve();

      expect(client.snapshot.retryDelayMs).toBe(250);
    });

    it('runs the reconnect logic when error is followed by close', async () => {
      const { client, clock, sockets, of } = setupClient();
      client.connect();
      sockets[0]!.fail();
      await Promise.resolve();

      expect(of('state').at(-1)).toMatchObject({
        state: 'reconnecting',
        disconnect: { reason: 'connect-failed', code: 1006 },
      });
      clock.advanceBy(500);
      expect(sockets).toHaveLength(2);
    });

    it('resets after a stable connection', async () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      latest().fail();
      await Promise.resolve();
      clock.runNext();
      latest().fail();
      await Promise.resolve();
      expect(client.snapshot.retryDelayMs).toBe(1000);
      clock.runNext();

      acceptConnection(latest());
      clock.advanceBy(15_000);
      latest().serverClose(1001);

      expect(client.snapshot.retryDelayMs).toBe(500);
      expect(client.snapshot.disconnect).toEqual({ reason: 'going-away', code: 1001 });
    });

    test.each([
      [1001, 'going-away'],
      [1012, 'history-reset'],
      [4000, 'slow-consumer'],
      [1011, 'server-closed'],
    ])('names close code %i as %s', (code, reason) => {
      const { client, latest } = setupClient();
      client.connect();
      acceptConnection(latest());
      latest().serverClose(code);

      expect(client.snapshot.disconnect).toEqual({ reason, code });
    });

    it('keeps growing after a connection that closes at once', async () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      acceptConnection(latest());
      latest().serverClose(1011);
      expect(client.snapshot.retryDelayMs).toBe(500);

      clock.runNext();
      acceptConnection(latest());
      latest().serverClose(1011);
      expect(client.snapshot.retryDelayMs).toBe(1000);
    });

    it('skips the wait on reconnectNow', () => {
      const { client, latest, sockets } = setupClient();
      client.connect();
      acceptConnection(latest());
      latest().serverClose(1001);
      client.reconnectNow();

      expect(sockets).toHaveLength(2);
      expect(client.snapshot.state).toBe('connecting');
    });

    it('gives up on an attempt that does not reach welcome in time', () => {
      const { client, clock, latest, sockets } = setupClient({ connectTimeoutMs: 3_000 });
      client.connect();
      latest().open();
      clock.advanceBy(3_000);

      expect(sockets[0]!.closeCalls).toHaveLength(1);
      expect(client.snapshot.disconnect).toEqual({ reason: 'connect-timeout', code: 1006 });
    });

    it('stops for good on close', () => {
      const { client, clock, latest, sockets } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.close();
      latest().serverClose(1000);
      clock.runAll();

      expect(sockets).toHaveLength(1);
      expect(client.snapshot.state).toBe('closed');
      expect(sockets[0]!.closeCalls).toEqual([{ code: 1000, reason: 'client closed' }]);
    });
  });

  describe('handshake rejection', () => {
    it.each([
      [400, 'USERNAME_TOO_LONG'],
      [403, 'ORIGIN_NOT_ALLOWED'],
    ])('stops retrying after %i %s', async (status, code) => {
      const { client, clock, latest, sockets, of } = setupClient({
        probeHandshake: async () => ({ status, code, message: `rejected with ${code}` }),
      });
      client.connect();
      latest().fail();
      await Promise.resolve();
      await Promise.resolve();
      clock.advanceBy(60_000);

      expect(sockets).toHaveLength(1);
      expect(client.snapshot.state).toBe('rejected');
      expect(of('state').at(-1)?.rejection).toEqual({
        status,
        code,
        message: `rejected with ${code}`,
      });
    });

    it('keeps retrying after 503 SERVER_SHUTTING_DOWN', async () => {
      const { client, clock, latest, sockets } = setupClient({
        probeHandshake: async () => ({
          status: 503,
          code: 'SERVER_SHUTTING_DOWN',
          message: 'shutting down',
        }),
      });
      client.connect();
      latest().fail();
      await Promise.resolve();
      await Promise.resolve();
      clock.runNext();

      expect(client.snapshot.state).toBe('connecting');
      expect(sockets).toHaveLength(2);
    });

    it('keeps retrying when the probe fails', async () => {
      const { client, latest } = setupClient({
        probeHandshake: async () => {
          throw new TypeError('fetch failed');
        },
      });
      client.connect();
      latest().fail();
      await new Promise((resolve) => setImmediate(resolve));

      expect(client.snapshot.state).toBe('reconnecting');
    });

    it('refuses sends once rejected', async () => {
      const { client, latest } = setupClient({
        probeHandshake: async () => ({ status: 400, code: 'USERNAME_INVISIBLE', message: '' }),
      });
      client.connect();
      latest().fail();
      await new Promise((resolve) => setImmediate(resolve));

      expect(client.send('hello')).toEqual({ ok: false, code: 'NOT_CONNECTED' });
    });
  });

  describe('close codes', () => {
    it('waits long after 1008 and says why', () => {
      const { client, clock, latest, sockets } = setupClient({ policyViolationDelayMs: 60_000 });
      client.connect();
      acceptConnection(latest());
      latest().serverClose(1008, 'flooding');

      expect(client.snapshot.disconnect).toEqual({ reason: 'policy-violation', code: 1008 });
      expect(client.snapshot.retryDelayMs).toBe(60_000);
      clock.advanceBy(59_999);
      expect(sockets).toHaveLength(1);
      clock.advanceBy(1);
      expect(sockets).toHaveLength(2);
    });

    it('waits at least half the 1008 delay with the smallest jitter', () => {
      const { client, latest } = setupClient({ policyViolationDelayMs: 60_000, random: () => 0 });
      client.connect();
      acceptConnection(latest());
      latest().serverClose(1008);

      expect(client.snapshot.retryDelayMs).toBe(30_000);
    });

    it('marks the message that caused 1009 failed and resends the others', () => {
      const { client, clock, latest, sockets, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('short');
      client.send('x'.repeat(400));
      latest().serverClose(1009);

      const failed = of('outgoing').filter((item) => item.status === 'failed');
      expect(failed).toEqual([
        {
          clientMsgId: 'm2',
          text: 'x'.repeat(400),
          status: 'failed',
          failure: { code: 'MESSAGE_TOO_BIG' },
        },
      ]);

      clock.runNext();
      acceptConnection(latest(), { seq: 0 });
      expect(sockets[1]!.commands()).toEqual([
        { type: 'message', message: 'short', clientMsgId: 'm1' },
      ]);
    });

    it('fails a message above maxFrameBytes without sending it', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      latest().open();
      latest().receive(welcomeEvent({ limits: { ...LIMITS, maxFrameBytes: 1024 } }));
      // 300 graphemes of 5 code points each pass the grapheme limit but not the frame limit.
      const heavy = 'e\u0301\u0301\u0301\u0301'.repeat(300);
      client.send(heavy);

      expect(latest().sent).toEqual([]);
      expect(of('outgoing').at(-1)).toMatchObject({
        status: 'failed',
        failure: { code: 'MESSAGE_TOO_BIG' },
      });
      expect(client.snapshot.state).toBe('connected');
    });
  });

  describe('heartbeat', () => {
    it('pings after an interval of silence and drops after the timeout', () => {
      const { client, clock, latest, of } = setupClient({ heartbeatTimeoutMs: 500 });
      client.connect();
      latest().open();
      latest().receive(welcomeEvent({ heartbeatIntervalMs: 1000 }));

      clock.advanceBy(999);
      expect(latest().commands()).toEqual([]);
      clock.advanceBy(1);
      expect(latest().commands()).toEqual([{ type: 'ping' }]);

      clock.advanceBy(499);
      expect(client.snapshot.state).toBe('connected');
      clock.advanceBy(1);
      expect(of('state').at(-1)).toMatchObject({
        state: 'reconnecting',
        disconnect: { reason: 'heartbeat-timeout' },
      });
      expect(latest().closeCalls).toHaveLength(1);
    });

    it('counts any frame as alive', () => {
      const { client, clock, latest } = setupClient({ heartbeatTimeoutMs: 500 });
      client.connect();
      latest().open();
      latest().receive(welcomeEvent({ heartbeatIntervalMs: 1000 }));

      clock.advanceBy(900);
      latest().receive({ type: 'join', username: 'bob', count: 2 });
      clock.advanceBy(900);
      expect(latest().commands()).toEqual([]);

      clock.advanceBy(100);
      expect(latest().commands()).toEqual([{ type: 'ping' }]);
      latest().receive({ type: 'pong' });
      clock.advanceBy(900);
      expect(client.snapshot.state).toBe('connected');
    });

    it('ignores a close event of the socket it abandoned', () => {
      const { client, clock, latest, sockets } = setupClient({ heartbeatTimeoutMs: 500 });
      client.connect();
      latest().open();
      latest().receive(welcomeEvent({ heartbeatIntervalMs: 1000 }));
      clock.advanceBy(1500);
      clock.runNext();
      const retries = sockets.length;

      sockets[0]!.serverClose(1006);
      expect(sockets).toHaveLength(retries);
      expect(client.snapshot.state).toBe('connecting');
    });
  });

  describe('outbox', () => {
    it('queues a send made before the socket opens and sends it after welcome', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      const result = client.send('  hello  ');

      expect(result).toEqual({
        ok: true,
        message: { clientMsgId: 'm1', text: 'hello', status: 'queued' },
      });
      expect(client.pendingCount()).toBe(1);

      acceptConnection(latest());
      expect(latest().commands()).toEqual([
        { type: 'message', message: 'hello', clientMsgId: 'm1' },
      ]);
      latest().receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 1,
        epoch: 'epoch-1',
        duplicate: false,
      });

      expect(of('outgoing').map((item) => item.status)).toEqual(['queued', 'sent', 'confirmed']);
      expect(client.pendingCount()).toBe(0);
    });

    it('delivers a message sent while reconnecting exactly once', () => {
      const { client, clock, latest, sockets, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('before the drop');
      latest().serverClose(1006);
      client.send('while offline');

      clock.runNext();
      acceptConnection(latest());
      expect(sockets[1]!.commands()).toEqual([
        { type: 'message', message: 'before the drop', clientMsgId: 'm1' },
        { type: 'message', message: 'while offline', clientMsgId: 'm2' },
      ]);

      latest().receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 1,
        epoch: 'epoch-1',
        duplicate: true,
      });
      latest().receive({
        type: 'ack',
        clientMsgId: 'm2',
        seq: 2,
        epoch: 'epoch-1',
        duplicate: false,
      });
      latest().receive({
        type: 'ack',
        clientMsgId: 'm2',
        seq: 2,
        epoch: 'epoch-1',
        duplicate: true,
      });

      const confirmed = of('outgoing').filter((item) => item.status === 'confirmed');
      expect(confirmed.map((item) => [item.clientMsgId, item.seq])).toEqual([
        ['m1', 1],
        ['m2', 2],
      ]);
    });

    it('confirms an own message when its broadcast arrives before the ack', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('hi');
      latest().receive({ type: 'message', ...chatMessage(1, 'alice', 'hi') });

      expect(of('message').at(-1)).toMatchObject({ seq: 1, own: true, replayed: false });
      expect(of('outgoing').at(-1)).toMatchObject({
        clientMsgId: 'm1',
        status: 'confirmed',
        seq: 1,
      });

      latest().receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 1,
        epoch: 'epoch-1',
        duplicate: false,
      });
      expect(of('outgoing').filter((item) => item.status === 'confirmed')).toHaveLength(1);
    });

    it('rejects an empty and a too-long text before queueing', () => {
      const { client } = setupClient();
      client.connect();

      expect(client.send('   ')).toEqual({
        ok: false,
        code: 'MESSAGE_EMPTY',
        graphemes: 0,
        max: 500,
      });
      expect(client.send('👩‍💻'.repeat(501))).toEqual({
        ok: false,
        code: 'MESSAGE_TOO_LONG',
        graphemes: 501,
        max: 500,
      });
      expect(client.pendingCount()).toBe(0);
    });

    it('spreads a queue flush over the rate limit', () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      for (let i = 1; i <= 7; i++) client.send(`queued ${i}`);
      acceptConnection(latest());

      expect(latest().commands()).toHaveLength(LIMITS.rateBurst);
      clock.advanceBy(500);
      expect(latest().commands()).toHaveLength(6);
      clock.advanceBy(500);
      expect(latest().commands()).toHaveLength(7);
    });

    it('resends after RATE_LIMITED once the wait is over', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('hello');
      latest().receive({
        type: 'error',
        code: 'RATE_LIMITED',
        message: 'slow down',
        retryAfterMs: 700,
        clientMsgId: 'm1',
      });

      expect(of('serverError')).toEqual([
        { code: 'RATE_LIMITED', message: 'slow down', retryAfterMs: 700, clientMsgId: 'm1' },
      ]);
      expect(latest().commands()).toHaveLength(1);
      clock.advanceBy(700);
      expect(latest().commands()).toHaveLength(2);
      expect(latest().commands()[1]).toEqual({
        type: 'message',
        message: 'hello',
        clientMsgId: 'm1',
      });
    });

    it('resends rejected sends in order', () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('one');
      client.send('two');
      client.send('three');
      latest().receive({
        type: 'error',
        code: 'RATE_LIMITED',
        message: 'slow down',
        retryAfterMs: 700,
        clientMsgId: 'm2',
      });
      clock.advanceBy(700);

      const resent = latest()
        .commands()
        .slice(3)
        .map((command) => (command as { clientMsgId: string }).clientMsgId);
      expect(resent).toEqual(['m2', 'm3']);
    });

    it('requeues all on unnamed RATE_LIMITED', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('one');
      client.send('two');
      latest().receive({ type: 'error', code: 'RATE_LIMITED', message: 'slow', retryAfterMs: 500 });

      expect(of('outgoing').filter((item) => item.heldBy === 'rate-limit')).toHaveLength(2);
      clock.advanceBy(500);
      expect(latest().commands()).toHaveLength(4);
    });

    it('marks a message failed on MESSAGE_TOO_LONG and never resends it', () => {
      const { client, clock, latest, sockets, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('hello');
      latest().receive({
        type: 'error',
        code: 'MESSAGE_TOO_LONG',
        message: 'too long: 501 > 500',
        clientMsgId: 'm1',
      });
      latest().serverClose(1006);
      clock.runNext();
      acceptConnection(latest());

      expect(of('outgoing').at(-1)).toMatchObject({
        status: 'failed',
        failure: { code: 'MESSAGE_TOO_LONG', message: 'too long: 501 > 500' },
      });
      expect(sockets[1]!.commands()).toEqual([]);
    });

    it('resends everything in flight after INTERNAL_ERROR', () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      acceptConnection(latest());
      client.send('hello');
      latest().receive({ type: 'error', code: 'INTERNAL_ERROR', message: 'hub unavailable' });
      clock.advanceBy(2_000);

      expect(latest().commands()).toEqual([
        { type: 'message', message: 'hello', clientMsgId: 'm1' },
        { type: 'message', message: 'hello', clientMsgId: 'm1' },
      ]);
    });
  });

  describe('resume', () => {
    it('reconnects with the epoch and the last seq delivered', () => {
      const { client, clock, latest } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(4), chatMessage(5)] });
      latest().receive({ type: 'message', ...chatMessage(6) });
      latest().serverClose(1001);
      clock.runNext();

      expect(latest().url.searchParams.get('epoch')).toBe('epoch-1');
      expect(latest().url.searchParams.get('after')).toBe('6');
    });

    it('delivers replayed and live messages once each, in order', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(1), chatMessage(2)] });
      latest().serverClose(1006);
      clock.runNext();

      acceptConnection(latest(), { history: [chatMessage(2), chatMessage(3), chatMessage(4)] });
      latest().receive({ type: 'message', ...chatMessage(4) });
      latest().receive({ type: 'message', ...chatMessage(5) });

      expect(of('message').map((message) => [message.seq, message.replayed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, true],
        [5, false],
      ]);
    });

    it('asks for a gap and fills it in order', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(1)] });
      latest().receive({ type: 'message', ...chatMessage(3) });
      latest().receive({ type: 'message', ...chatMessage(4) });

      expect(latest().commands()).toEqual([{ type: 'resume', epoch: 'epoch-1', after: 1 }]);
      expect(of('message').map((message) => message.seq)).toEqual([1]);

      latest().receive({
        type: 'history',
        epoch: 'epoch-1',
        messages: [chatMessage(2), chatMessage(3)],
        lost: 0,
        epochChanged: false,
      });
      expect(of('message').map((message) => message.seq)).toEqual([1, 2, 3, 4]);
    });

    it('reports history lost when the epoch changed', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(7)] });
      latest().serverClose(1001);
      clock.runNext();

      acceptConnection(latest(), {
        epoch: 'epoch-2',
        history: [chatMessage(1)],
        epochChanged: true,
      });
      latest().receive({ type: 'message', ...chatMessage(2) });

      expect(of('historyLost')).toEqual([{ epochChanged: true, lost: 0 }]);
      expect(of('message').map((message) => message.seq)).toEqual([7, 1, 2]);
      latest().serverClose(1001);
      clock.runNext();
      expect(latest().url.searchParams.get('epoch')).toBe('epoch-2');
      expect(latest().url.searchParams.get('after')).toBe('2');
    });

    it('reports messages trimmed from the server window and skips them', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(1)] });
      latest().serverClose(1006);
      clock.runNext();

      acceptConnection(latest(), { history: [chatMessage(9), chatMessage(10)], lost: 7 });

      expect(of('historyLost')).toEqual([{ epochChanged: false, lost: 7 }]);
      expect(of('message').map((message) => message.seq)).toEqual([1, 9, 10]);
    });
  });

  describe('own messages', () => {
    it('marks only what this client sent', () => {
      const { client, clock, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest(), { history: [chatMessage(1, 'alice', 'from an earlier alice')] });
      client.send('sent here');
      latest().receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 2,
        epoch: 'epoch-1',
        duplicate: false,
      });
      latest().serverClose(1006);
      clock.runNext();
      acceptConnection(latest(), { history: [chatMessage(2, 'alice', 'sent here')] });

      expect(of('message').map(({ seq, own, replayed }) => ({ seq, own, replayed }))).toEqual([
        { seq: 1, own: false, replayed: true },
        { seq: 2, own: true, replayed: true },
      ]);
    });

    it('reports a send held by the rate limit', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      for (let i = 1; i <= LIMITS.rateBurst + 1; i++) client.send(`m${i}`);

      const rateLimited = of('outgoing').filter((item) => item.heldBy === 'rate-limit');
      expect(rateLimited.map((item) => item.text)).toEqual([`m${LIMITS.rateBurst + 1}`]);
      expect(latest().commands()).toHaveLength(LIMITS.rateBurst);
    });
  });

  describe('presence', () => {
    it('tracks joins, leaves and summaries in the user list', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      latest().receive({ type: 'join', username: 'bob', count: 2 });
      latest().receive({
        type: 'presence',
        joined: ['carol', 'dave'],
        left: ['bob'],
        joinedCount: 2,
        leftCount: 1,
        count: 3,
      });
      latest().receive({ type: 'leave', username: 'dave', count: 2 });

      expect(of('presence').map((change) => change.kind)).toEqual(['join', 'summary', 'leave']);
      expect(of('users').at(-1)).toEqual({ users: ['alice', 'carol'], count: 2, truncated: false });
    });

    it('ignores a stale leave of its own name', () => {
      const { client, latest, of } = setupClient();
      client.connect();
      acceptConnection(latest());
      latest().receive({ type: 'join', username: 'bob', count: 2 });
      latest().receive({ type: 'leave', username: 'alice', count: 1 });
      latest().receive({
        type: 'presence',
        joined: [],
        left: ['alice', 'bob'],
        joinedCount: 0,
        leftCount: 2,
        count: 1,
      });
      latest().receive({
        type: 'presence',
        joined: [],
        left: ['alice'],
        joinedCount: 0,
        leftCount: 1,
        count: 1,
      });

      expect(of('presence')).toEqual([
        { kind: 'join', username: 'bob', count: 2 },
        { kind: 'summary', joined: [], left: ['bob'], joinedCount: 0, leftCount: 1, count: 1 },
      ]);
      expect(of('users').at(-1)).toEqual({ users: ['alice'], count: 1, truncated: false });
    });

    it('asks for the user list on who', () => {
      const { client, latest } = setupClient();
      client.connect();
      expect(client.who()).toBe(false);
      acceptConnection(latest());

      expect(client.who()).toBe(true);
      expect(latest().commands()).toEqual([{ type: 'who' }]);
    });
  });
});
