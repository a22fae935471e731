// Bad input and the exact response to it: HTTP status and code at the handshake, error codes for bad
// frames, close codes for frames the server cannot accept.
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';
import { WebSocket } from 'ws';

import { PROTOCOL_V1 } from '../../shared/protocol.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { chatUrl, connect, rejectedUpgrade, startTestServer, TestClient } from './helpers.ts';

let server: ChatServer;
const clients: TestClient[] = [];

async function open(options: Parameters<typeof connect>[1] = {}): Promise<TestClient> {
  const client = await connect(server, options);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startTestServer({ allowedOrigins: ['http://localhost:5173'] });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server.close();
});

const encode = (name: string) => `/chat?username=${encodeURIComponent(name)}`;

describe('chat server', () => {
  describe('handshake rejection', () => {
    test.each([
      ['a 21-character name', encode('a'.repeat(21)), 400, 'USERNAME_TOO_LONG'],
      ['21 emoji', encode('😀'.repeat(21)), 400, 'USERNAME_TOO_LONG'],
      ['a 21-character Japanese name', encode('あ'.repeat(21)), 400, 'USERNAME_TOO_LONG'],
      ['a control character', encode('al\u0007ice'), 400, 'USERNAME_INVALID_CHARACTERS'],
      ['a newline', encode('al\nice'), 400, 'USERNAME_INVALID_CHARACTERS'],
      ['a bidi override', encode('\u202Eecila'), 400, 'USERNAME_INVALID_CHARACTERS'],
      ['a bidi isolate', encode('a\u2066b'), 400, 'USERNAME_INVALID_CHARACTERS'],
      ['zero-width characters only', encode('\u200B\u200C\u200D'), 400, 'USERNAME_INVISIBLE'],
      ['word joiners only', encode('\u2060\u2060'), 400, 'USERNAME_INVISIBLE'],
      ['after without epoch', '/chat?username=alice&after=3', 400, 'INVALID_RESUME'],
      ['a negative after', '/chat?username=alice&epoch=e&after=-1', 400, 'INVALID_RESUME'],
      ['a non-numeric after', '/chat?username=alice&epoch=e&after=x', 400, 'INVALID_RESUME'],
      ['another path', '/socket', 404, 'NOT_FOUND'],
    ])('rejects %s', async (_case, path, status, code) => {
      const response = await rejectedUpgrade(server, path);
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.message.length).toBeGreaterThan(0);
    });

    it('names the lengths in the message', async () => {
      const response = await rejectedUpgrade(server, encode('a'.repeat(23)));
      expect(response.body).toEqual({
        code: 'USERNAME_TOO_LONG',
        message: 'username too long: 23 characters > 20; choose a shorter name',
      });
    });

    it('answers in Japanese for Accept-Language ja', async () => {
      const response = await rejectedUpgrade(server, encode('a'.repeat(23)), {
        'Accept-Language': 'ja',
      });
      expect(response.body).toEqual({
        code: 'USERNAME_TOO_LONG',
        message: 'ユーザー名が長すぎます（23 文字 > 20 文字）。短い名前にしてください',
      });
    });

    it('explains a bad resume point in Japanese', async () => {
      const response = await rejectedUpgrade(server, '/chat?username=alice&epoch=e&after=x', {
        'Accept-Language': 'ja',
      });
      expect(response.body).toEqual({
        code: 'INVALID_RESUME',
        message:
          '再開（resume）のパラメーターが無効です: after の値 "x" は 0 以上の整数ではありません。最後に受け取った seq か 0 を送ってください',
      });
    });

    test.each([
      ['a foreign site', 'https://evil.example'],
      ['the same host on another port', 'http://127.0.0.1:1'],
      ['a null origin', 'null'],
    ])('rejects the origin of %s with 403', async (_case, origin) => {
      const response = await rejectedUpgrade(server, encode('alice'), { Origin: origin });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('ORIGIN_NOT_ALLOWED');
    });

    test.each([
      ['the server itself', () => server.url],
      ['a listed origin', () => 'http://localhost:5173'],
    ])('accepts the origin of %s', async (_case, origin) => {
      const client = await open({ username: 'alice', headers: { Origin: origin() } });
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
    });

    it('selects loopchat.v1 among offered subprotocols', async () => {
      const socket = new WebSocket(chatUrl(server, { username: 'x' }), ['other.v9', PROTOCOL_V1]);
      const client = new TestClient(socket);
      clients.push(client);
      await new Promise((resolve) => socket.once('open', resolve));
      expect(socket.protocol).toBe(PROTOCOL_V1);
      expect(await client.next()).toMatchObject({ type: 'welcome' });
    });

    it('accepts a client without an Origin header', async () => {
      const client = await open({ username: 'terminal' });
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
    });

    test.each([
      ['20 ASCII characters', 'a'.repeat(20)],
      ['20 emoji', '😀'.repeat(20)],
      ['20 Japanese characters', 'あ'.repeat(20)],
      ['a family emoji with zero-width joiners', '👨‍👩‍👧 family'],
    ])('accepts a name of %s', async (_case, username) => {
      const client = await open({ username: `  ${username} `, v1: true });
      expect(client.events[0]).toMatchObject({ type: 'welcome', username });
    });
  });

  describe('bad messages', () => {
    test.each([
      ['an empty message', '', 'MESSAGE_EMPTY'],
      ['a blank message', ' \n\t ', 'MESSAGE_EMPTY'],
      ['501 graphemes', 'x'.repeat(501), 'MESSAGE_TOO_LONG'],
      ['501 emoji', '😀'.repeat(501), 'MESSAGE_TOO_LONG'],
    ])('rejects %s with an error event and stays open', async (_case, message, code) => {
      const alice = await open({ username: 'alice', v1: true });
      const plain = await open({ username: 'plain' });

      alice.send({ type: 'message', message });
      plain.send(message);
      expect(await alice.next('error')).toMatchObject({ type: 'error', code });
      expect((await plain.next('error')).message).toEqual(expect.any(String));

      alice.send({ type: 'message', message: 'still here' });
      expect(await plain.next('message')).toMatchObject({
        username: 'alice',
        message: 'still here',
      });
      expect(plain.events.filter((event) => event.type === 'message')).toHaveLength(1);
    });

    it('accepts 500 emoji', async () => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send({ type: 'message', message: '😀'.repeat(500) });
      expect(await alice.next('message')).toMatchObject({ message: '😀'.repeat(500) });
    });

    it('names the lengths in the error message', async () => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send({ type: 'message', message: 'x'.repeat(512) });
      expect(await alice.next('error')).toEqual({
        type: 'error',
        code: 'MESSAGE_TOO_LONG',
        message: 'message too long: 512 characters > 500; shorten it',
      });
    });

    test.each([
      ['not JSON', '{dd}', 'INVALID_JSON'],
      ['plain text', 'hello', 'INVALID_JSON'],
      ['null', 'null', 'INVALID_COMMAND'],
      ['an array', '[]', 'INVALID_COMMAND'],
      ['a number type', '{"type":1}', 'INVALID_COMMAND'],
      ['an unknown type', '{"type":"dance"}', 'UNKNOWN_COMMAND'],
      ['a prototype key', '{"type":"constructor"}', 'UNKNOWN_COMMAND'],
      ['a missing field', '{"type":"message"}', 'INVALID_COMMAND'],
      ['a wrong field type', '{"type":"message","message":5}', 'INVALID_COMMAND'],
      [
        'a long client message id',
        JSON.stringify({ type: 'message', message: 'x', clientMsgId: 'i'.repeat(65) }),
        'INVALID_COMMAND',
      ],
      ['a fractional resume point', '{"type":"resume","epoch":"e","after":1.5}', 'INVALID_COMMAND'],
    ])('answers v1 %s with %s', async (_case, frame, code) => {
      const alice = await open({ username: 'alice', v1: true });
      alice.send(frame);
      expect(await alice.next('error')).toMatchObject({ type: 'error', code });
      alice.send({ type: 'ping' });
      await alice.next('pong');
    });

    test.each([['{dd}'], ['null'], ['[]'], ['{"type":1}']])(
      'broadcasts %s from a plain client as text',
      async (frame) => {
        const plain = await open({ username: 'plain' });
        plain.send(frame);
        expect(await plain.next('message')).toMatchObject({ message: frame });
      },
    );

    it('never HTML-escapes text', async () => {
      const alice = await open({ username: '<img>' });
      alice.send('<script>alert("x")</script> & &amp;');
      expect(await alice.next('message')).toMatchObject({
        username: '<img>',
        message: '<script>alert("x")</script> & &amp;',
      });
    });

    test.each([
      ['plain', false],
      ['v1', true],
    ])('answers a binary frame from a %s client with an error event', async (_case, v1) => {
      const client = await open({ username: 'bin', v1 });
      client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      const error = await client.next('error');
      if (v1) expect(error.code).toBe('BINARY_NOT_SUPPORTED');
      expect(error.message).toBe('binary frames are not supported; send text');
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
    });
  });

  describe('frames the server closes on', () => {
    it('closes a frame above the byte cap with 1009', async () => {
      const client = await open({ username: 'big' });
      client.send('x'.repeat(64 * 1024 + 1));
      expect((await client.closed).code).toBe(1009);
    });

    it('closes invalid UTF-8 with 1007', async () => {
      const client = await open({ username: 'bytes' });
      client.socket.send(Buffer.from([0x68, 0xff, 0xfe]), { binary: false });
      expect((await client.closed).code).toBe(1007);
    });

    it('keeps serving others after a close', async () => {
      const bad = await open({ username: 'bad' });
      const good = await open({ username: 'good' });
      bad.send('x'.repeat(70_000));
      await bad.closed;
      good.send('after');
      expect(await good.next('message')).toMatchObject({ message: 'after' });
    });
  });

  describe('flood control', () => {
    it('answers the frame after the burst with RATE_LIMITED', async () => {
      const alice = await open({ username: 'alice', v1: true });
      for (let i = 0; i < 11; i++) alice.send({ type: 'message', message: `m${i}` });

      const error = await alice.next('error');
      expect(error).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(334);
      expect(alice.events.filter((event) => event.type === 'message').length).toBeLessThanOrEqual(
        10,
      );
    });

    it('names the rate-limited message by its clientMsgId', async () => {
      const alice = await open({ username: 'alice', v1: true });
      for (let i = 0; i < 11; i++)
        alice.send({ type: 'message', message: `m${i}`, clientMsgId: `id-${i}` });

      const error = await alice.next('error');
      expect(error).toMatchObject({ code: 'RATE_LIMITED', clientMsgId: 'id-10' });
    });

    it('closes a client that keeps flooding with 1008', async () => {
      const flooder = await open({ username: 'flooder' });
      const bystander = await open({ username: 'calm' });
      for (let i = 0; i < 60; i++) flooder.send(`spam ${i}`);

      expect((await flooder.closed).code).toBe(1008);
      bystander.send('still works');
      expect(
        await bystander.next((event) => event.type === 'message' && event.username === 'calm'),
      ).toMatchObject({
        message: 'still works',
      });
    });
  });
});
