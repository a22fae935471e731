// Lesson 04 against APIs given with --url: a test server on 127.0.0.1, a port nothing listens on,
// an API that responds 404, and a URL that is not http(s).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { messages } from '../../lessons/04-parallel-fetch/messages.ts';
import { runLesson } from '../support/run-lesson.ts';

const TITLES: Record<string, string> = { '1': 'first post', '2': 'second post', '3': 'third post' };

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Starts a JSONPlaceholder-style API on 127.0.0.1:0 that responds with `status` to every post. */
async function startApi(status = 200): Promise<string> {
  server = createServer((request, response) => {
    const id = /^\/posts\/(\d)$/.exec(request.url ?? '')?.[1] ?? '';
    const title = TITLES[id];
    if (status !== 200 || title === undefined) {
      response.writeHead(status === 200 ? 404 : status).end('{}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ userId: 1, id: Number(id), title, body: '' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** Returns the URL of a port on 127.0.0.1 that was free a moment ago, so a connection is refused. */
async function refusedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('lesson 04 parallel fetch', () => {
  describe('--url', () => {
    it('fetches the three posts from the given API', async () => {
      const base = await startApi();
      const result = await runLesson(['04', '--url', base, '--lang', 'en', '--no-time']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe(messages.en.remoteApi(base));
      expect(lines).toContain(messages.en.resultLine(1, 'first post'));
      expect(lines).toContain(messages.en.resultLine(2, 'second post'));
      expect(lines).toContain(messages.en.resultLine(3, 'third post'));
      expect(result.stdout).not.toContain('local JSON API');
    });

    it.each(['en', 'ja'] as const)(
      'reports a refused connection in %s with exit code 1',
      async (language) => {
        const base = await refusedUrl();
        const result = await runLesson(['04', '--url', base, '--lang', language]);

        expect(result.code).toBe(1);
        const text = messages[language];
        expect(result.stderr).toBe(
          `${text.requestFailed(`${base}/posts/1`, 'ECONNREFUSED', base)}\n`,
        );
        expect(result.stdout).not.toContain('Promise.all');
      },
    );

    it('reports an HTTP error status with exit code 1', async () => {
      const base = await startApi(404);
      const result = await runLesson(['04', '--url', `${base}/`, '--lang', 'en']);

      expect(result.code).toBe(1);
      const reason = messages.en.httpStatus(404);
      expect(result.stderr).toMatch(
        new RegExp(`^lesson: GET ${base}/posts/\\d failed: ${reason}\\.`),
      );
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });

    it.each(['ftp://127.0.0.1/', 'not a url', ''])('rejects %j with exit code 2', async (value) => {
      const result = await runLesson(['04', `--url=${value}`, '--lang', 'en']);

      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`${messages.en.invalidUrl(value)}\n`);
      expect(result.stdout).toBe('');
    });
  });
});
