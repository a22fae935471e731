// Graceful shutdown: readiness turns false, new upgrades get 503, every client gets 1001 and the
// CLI process exits with 0 after SIGTERM.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

import { connect, rejectedUpgrade, startTestServer } from './helpers.ts';

describe('chat server shutdown', () => {
  it('refuses upgrades with 503 and reports not ready while closing', async () => {
    const server = await startTestServer({ shutdownStaggerMs: 100 });
    const stubborn = await connect(server, { username: 'stubborn' });
    // A client that does not read never replies to the close frame, which keeps the server in its
    // shutdown window until the close grace ends.
    stubborn.socket.pause();

    const closing = server.close();
    const response = await rejectedUpgrade(server, '/chat?username=late');
    const ready = await fetch(`${server.url}/readyz`);

    expect(response).toEqual({
      status: 503,
      body: {
        code: 'SERVER_SHUTTING_DOWN',
        message: 'the server is shutting down; reconnect in a moment',
      },
    });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting-down' });

    await closing;
    stubborn.socket.resume();
    expect((await stubborn.closed).code).toBe(1001);
  });

  it('closes every client with 1001 and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'chat/server/main.ts',
        '--port',
        '0',
        '--log-format',
        'json',
        '--shutdown-stagger-ms',
        '200',
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    const logLines: Record<string, unknown>[] = [];

    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logLines.push(entry);
          if (entry.msg === 'chat server listening') resolve(entry.url as string);
        });
        child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
      });

      const server = { url };
      const clients = await Promise.all(
        ['a', 'b', 'c', 'd', 'e', 'f'].map((username, i) =>
          connect(server, { username, v1: i % 2 === 0 }),
        ),
      );

      child.kill('SIGTERM');
      const closes = await Promise.all(clients.map((client) => client.closed));
      expect(closes.map((close) => close.code)).toEqual([1001, 1001, 1001, 1001, 1001, 1001]);
      expect(await exited).toBe(0);

      const messages = logLines.map((entry) => entry.msg);
      expect(messages).toContain('chat server shutting down');
      expect(messages).toContain('chat server stopped');
      expect(messages.filter((message) => message === 'client disconnected')).toHaveLength(6);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 0 on SIGTERM after its log reader went away', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'chat/server/main.ts', '--port', '0', '--log-format', 'json'],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    // A server that hangs is killed well before the test times out, so it fails with exit code
    // null instead of leaving the process behind.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);

    try {
      // The reader takes the first line and closes the pipe, as `| head -1` does. Every later
      // log line, the shutdown lines included, then meets EPIPE.
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
      });
      child.stdout.destroy();

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(guard);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
