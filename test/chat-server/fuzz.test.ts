// Property test: random strings, JSON values and binary frames from plain and v1 clients never
// crash the server, every reply is a well-formed event, and a normal client is served afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeServerFrame } from '../../shared/protocol.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { request as httpRequest } from 'node:http';

import { connect, startTestServer, type TestClient } from './helpers.ts';

let server: ChatServer;
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on('uncaughtException', recordUncaught);
  process.on('unhandledRejection', recordUncaught);
  // A generous bucket lets every generated frame reach the decoder instead of the rate limiter.
  server = await startTestServer({ rateBurst: 100_000, ratePerSecond: 100_000 });
});

afterAll(async () => {
  await server.close();
  process.off('uncaughtException', recordUncaught);
  process.off('unhandledRejection', recordUncaught);
});

const frameArbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }).map((text) => ({ text })),
  fc.string({ unit: 'binary', maxLength: 80 }).map((text) => ({ text })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ text: JSON.stringify(value) ?? 'null' })),
  fc
    .record(
      {
        type: fc.constantFrom(
          'message',
          'ping',
          'resume',
          'who',
          'dance',
          'constructor',
          '__proto__',
        ),
        message: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        clientMsgId: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
        epoch: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(null)),
        after: fc.oneof(fc.integer(), fc.double(), fc.string()),
        id: fc.oneof(fc.string({ maxLength: 70 }), fc.boolean()),
      },
      { requiredKeys: ['type'] },
    )
    .map((value) => ({ text: JSON.stringify(value) })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ binary: bytes })),
);

describe('chat server under random frames', () => {
  it('answers every frame without crashing', async () => {
    const plain = await connect(server, { username: 'fuzz-plain' });
    const v1 = await connect(server, { username: 'fuzz-v1', v1: true });
    let marker = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.array(frameArbitrary, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (frames, useV1) => {
          const client: TestClient = useV1 ? v1 : plain;
          for (const frame of frames) {
            if ('binary' in frame) client.socket.send(frame.binary, { binary: true });
            else client.send(frame.text);
          }

          // A ping after the batch proves that the connection still replies, in order.
          const id = String(marker++);
          if (useV1) {
            client.send({ type: 'ping', id });
            await client.next((event) => event.type === 'pong' && event.id === id);
          } else {
            client.send('{"type":"ping"}');
            await client.next('pong');
          }
        },
      ),
      { numRuns: 200 },
    );

    for (const frame of plain.frames)
      expect(decodeServerFrame(frame, 'plain'), frame).toMatchObject({ ok: true });
    for (const frame of v1.frames)
      expect(decodeServerFrame(frame, 'v1'), frame).toMatchObject({ ok: true });
    expect(uncaught).toEqual([]);

    const after = await connect(server, { username: 'after-fuzz', v1: true });
    after.send({ type: 'message', message: 'still served' });
    expect(await after.next('message')).toMatchObject({
      username: 'after-fuzz',
      message: 'still served',
    });
    await Promise.all([plain.close(), v1.close(), after.close()]);
  });
});

/** Sends an upgrade request with a raw username and returns the status: 101 or an error status. */
function upgradeStatus(port: number, rawQuery: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path: `/chat?username=${rawQuery}`,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '' });
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('chat server under random usernames', () => {
  it('accepts or rejects each with a JSON code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 30 }), async (name) => {
        const { status, body } = await upgradeStatus(server.port, encodeURIComponent(name));
        if (status === 101) return;
        expect(status).toBe(400);
        expect(JSON.parse(body).code).toMatch(/^USERNAME_/);
      }),
      { numRuns: 100 },
    );
    expect(uncaught).toEqual([]);
  });
});
