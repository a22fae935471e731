// Unit tests of small server parts: the history ring buffer, the in-memory hub, the repeated
// error log and permessage-deflate negotiation.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { HistoryWindow } from '../../chat/server/history.ts';
import { createRepeatedErrorLog } from '../../chat/server/logger.ts';
import { MemoryChatHub } from '../../chat/server/memory-hub.ts';
import { redactedUrl } from '../../chat/server/redis-hub.ts';
import type { ChatMessage } from '../../shared/protocol.ts';
import { connect, startTestServer } from './helpers.ts';

const message = (seq: number): ChatMessage => ({
  seq,
  username: 'u',
  message: `m${seq}`,
  timestamp: 0,
});
const seqs = (messages: ChatMessage[]) => messages.map((entry) => entry.seq);

describe('HistoryWindow', () => {
  it('keeps the newest messages in order', () => {
    const window = new HistoryWindow(3);
    for (let seq = 1; seq <= 7; seq++) window.push(message(seq));
    expect(window.size).toBe(3);
    expect(window.oldest()?.seq).toBe(5);
    expect(seqs(window.newest(10))).toEqual([5, 6, 7]);
    expect(seqs(window.newest(2))).toEqual([6, 7]);
  });

  it('returns the messages after a sequence number', () => {
    const window = new HistoryWindow(4);
    for (let seq = 1; seq <= 6; seq++) window.push(message(seq));
    expect(seqs(window.after(0))).toEqual([3, 4, 5, 6]);
    expect(seqs(window.after(4))).toEqual([5, 6]);
    expect(seqs(window.after(6))).toEqual([]);
    expect(seqs(window.after(9))).toEqual([]);
  });

  it('keeps nothing with capacity 0', () => {
    const window = new HistoryWindow(0);
    window.push(message(1));
    expect(window.size).toBe(0);
    expect(window.newest(5)).toEqual([]);
    expect(window.after(0)).toEqual([]);
  });
});

describe('MemoryChatHub', () => {
  it('suffixes taken names and frees them on leave', async () => {
    const hub = new MemoryChatHub({ historySize: 10, dedupeSize: 10 });
    expect(await hub.join('alice')).toEqual({ username: 'alice', count: 1 });
    expect(await hub.join('alice')).toEqual({ username: 'alice (2)', count: 2 });
    expect(await hub.join('alice')).toEqual({ username: 'alice (3)', count: 3 });
    expect(await hub.leave('alice (2)')).toEqual({ count: 2 });
    expect(await hub.join('alice')).toEqual({ username: 'alice (2)', count: 3 });
    expect(await hub.leave('nobody')).toEqual({ count: 3 });
  });

  it('forgets the oldest client message id beyond the dedupe size', async () => {
    const hub = new MemoryChatHub({ historySize: 10, dedupeSize: 2 });
    const send = (clientMsgId: string) =>
      hub.publishMessage({ username: 'a', message: 'x', clientMsgId, senderKey: 'a' });
    await send('one');
    await send('two');
    await send('three');
    expect(await send('three')).toMatchObject({ seq: 3, duplicate: true });
    expect(await send('one')).toMatchObject({ seq: 4, duplicate: false });
  });

  it('stamps messages with Unix seconds from its clock', async () => {
    const hub = new MemoryChatHub({
      historySize: 10,
      dedupeSize: 10,
      now: () => 1_700_000_000_999,
    });
    await hub.publishMessage({ username: 'a', message: 'x', senderKey: 'a' });
    const { messages } = await hub.history(undefined, 10);
    expect(messages[0]!.timestamp).toBe(1_700_000_000);
  });
});

describe('createRepeatedErrorLog', () => {
  it('logs a repeated error once per interval with the suppressed count', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    let time = 0;
    const logError = createRepeatedErrorLog(pino(sink), 1_000, () => time);

    logError('hub', { connectionId: 1 }, 'hub failed');
    logError('hub', { connectionId: 2 }, 'hub failed');
    logError('hub', { connectionId: 3 }, 'hub failed');
    logError('other', { connectionId: 4 }, 'other failed');
    time = 1_001;
    logError('hub', { connectionId: 5 }, 'hub failed');

    expect(lines.map((line) => [line.msg, line.connectionId, line.suppressedRepeats])).toEqual([
      ['hub failed', 1, 0],
      ['other failed', 4, 0],
      ['hub failed', 5, 2],
    ]);
  });
});

describe('permessage-deflate', () => {
  it('is off by default and negotiated when enabled', async () => {
    const plainServer = await startTestServer();
    const deflateServer = await startTestServer({ perMessageDeflate: true });
    const options = { username: 'z', ws: { perMessageDeflate: true } };

    const withoutDeflate = await connect(plainServer, options);
    const withDeflate = await connect(deflateServer, options);
    expect(withoutDeflate.socket.extensions).toBe('');
    expect(withDeflate.socket.extensions).toContain('permessage-deflate');

    withDeflate.send('compressed hello');
    expect(await withDeflate.next('message')).toMatchObject({ message: 'compressed hello' });

    await Promise.all([withoutDeflate.close(), withDeflate.close()]);
    await Promise.all([plainServer.close(), deflateServer.close()]);
  });
});

describe('redactedUrl', () => {
  it.each([
    ['redis://:secret@127.0.0.1:6379/0', 'redis://:***@127.0.0.1:6379/0'],
    ['redis://user:secret@127.0.0.1:6379', 'redis://user:***@127.0.0.1:6379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['not a url', '(invalid URL)'],
  ])('shows %s as %s', (url, shown) => {
    expect(redactedUrl(url)).toBe(shown);
  });
});
