// Tests of the handshake probe: it reads the status and JSON body a server gives a plain GET to
// the chat URL, and accepts only handshake error codes from the protocol table.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { fetchHandshakeProbe, readRejection } from '../../shared/chat-client-probe.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(status: number, body: string): Promise<{ port: number; requests: string[] }> {
  const requests: string[] = [];
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, requests };
}

describe('readRejection', () => {
  it.each([
    [
      400,
      { code: 'USERNAME_TOO_LONG', message: 'too long' },
      { status: 400, code: 'USERNAME_TOO_LONG', message: 'too long' },
    ],
    [403, { code: 'ORIGIN_NOT_ALLOWED' }, { status: 403, code: 'ORIGIN_NOT_ALLOWED', message: '' }],
    [400, { code: 'MESSAGE_TOO_LONG', message: 'an event code' }, undefined],
    [400, { code: 'toString' }, undefined],
    [404, 'Cannot GET /chat', undefined],
    [400, null, undefined],
  ])('reads %i %j', (status, body, expected) => {
    expect(readRejection(status, body)).toEqual(expected);
  });
});

describe('fetchHandshakeProbe', () => {
  it('sends a GET with the same query over http', async () => {
    const { port, requests } = await serve(
      400,
      JSON.stringify({ code: 'USERNAME_INVISIBLE', message: 'invisible' }),
    );
    const rejection = await fetchHandshakeProbe(`ws://127.0.0.1:${port}/chat?username=%E2%80%8B`);

    expect(rejection).toEqual({ status: 400, code: 'USERNAME_INVISIBLE', message: 'invisible' });
    expect(requests).toEqual(['/chat?username=%E2%80%8B']);
  });

  it('returns undefined for a body that is not JSON', async () => {
    const { port } = await serve(404, 'Cannot GET /chat');
    expect(await fetchHandshakeProbe(`ws://127.0.0.1:${port}/chat`)).toBeUndefined();
  });
});
