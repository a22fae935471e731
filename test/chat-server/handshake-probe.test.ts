// The handshake probe: a plain GET of /chat returns the rejection that an upgrade of the same URL
// would get, because a browser's WebSocket API hides the status of a rejected upgrade.
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';

import type { ChatServer } from '../../chat/server/server.ts';
import { fetchHandshakeProbe } from '../../shared/chat-client-probe.ts';
import { startTestServer } from './helpers.ts';

let server: ChatServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

const probeUrl = (query: string) => `${server.url}/chat${query}`;

describe('chat server', () => {
  describe('GET /chat without an upgrade', () => {
    test.each([
      ['a 21-character name', `?username=${'a'.repeat(21)}`, 400, 'USERNAME_TOO_LONG'],
      [
        'a bidi override',
        `?username=${encodeURIComponent('\u202Eecila')}`,
        400,
        'USERNAME_INVALID_CHARACTERS',
      ],
      ['a bad resume point', '?username=alice&after=3', 400, 'INVALID_RESUME'],
    ])('returns the rejection of %s', async (_case, query, status, code) => {
      const response = await fetch(probeUrl(query));
      const body = (await response.json()) as { code: string; message: string };

      expect(response.status).toBe(status);
      expect(body.code).toBe(code);
      expect(body.message.length).toBeGreaterThan(0);
    });

    it('returns 403 to a foreign origin, readable by it', async () => {
      const response = await fetch(probeUrl('?username=alice'), {
        headers: { origin: 'http://evil.example' },
      });

      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(((await response.json()) as { code: string }).code).toBe('ORIGIN_NOT_ALLOWED');
    });

    it('returns 426 when the upgrade would be accepted', async () => {
      const response = await fetch(probeUrl('?username=alice'));

      expect(response.status).toBe(426);
      expect(response.headers.get('upgrade')).toBe('websocket');
    });

    it('feeds the client probe a rejection it recognises', async () => {
      const wsUrl = probeUrl(`?username=${'a'.repeat(21)}`).replace('http:', 'ws:');

      const rejection = await fetchHandshakeProbe(wsUrl);
      expect(rejection?.status).toBe(400);
      expect(rejection?.code).toBe('USERNAME_TOO_LONG');
    });

    it('gives the client probe nothing for an acceptable handshake', async () => {
      const wsUrl = probeUrl('?username=alice').replace('http:', 'ws:');
      expect(await fetchHandshakeProbe(wsUrl)).toBeUndefined();
    });
  });
});
