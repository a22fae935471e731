// Operator logs: start, connects, disconnects with close codes and rejected handshakes are
// logged with their ids, and message bodies never appear at info level.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { connect, rejectedUpgrade, startTestServer } from './helpers.ts';

type LogLine = Record<string, unknown> & { msg: string };

function createMemoryLogger() {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('chat server logs', () => {
  it('records the connection lifecycle without message bodies', async () => {
    const { logger, lines } = createMemoryLogger();
    const server = await startTestServer({ logger });

    const alice = await connect(server, { username: 'alice' });
    alice.send('a very secret body');
    await alice.next('message');
    alice.socket.close(1000, 'bye');
    await alice.closed;
    await rejectedUpgrade(server, '/chat?username=' + 'x'.repeat(30));
    await server.close();

    const messages = lines.map((line) => line.msg);
    expect(messages[0]).toBe('chat server listening');
    expect(lines[0]).toMatchObject({
      url: server.url,
      hub: 'memory',
      maxFrameBytes: 65_536,
      rateBurst: 10,
    });

    const connected = lines.find((line) => line.msg === 'client connected');
    expect(connected).toMatchObject({ connectionId: 1, requestedName: 'alice', protocol: 'plain' });

    const disconnected = lines.find((line) => line.msg === 'client disconnected');
    expect(disconnected).toMatchObject({ connectionId: 1, username: 'alice', closeCode: 1000 });

    const rejected = lines.find((line) => line.msg === 'handshake rejected');
    expect(rejected).toMatchObject({ status: 400, code: 'USERNAME_TOO_LONG' });

    expect(messages).toContain('chat server stopped');
    expect(JSON.stringify(lines)).not.toContain('secret body');
  });

  it('names the suffixed name a client got', async () => {
    const { logger, lines } = createMemoryLogger();
    const server = await startTestServer({ logger });
    const first = await connect(server, { username: 'alice', v1: true });
    const second = await connect(server, { username: 'alice', v1: true });
    await first.close();
    await second.close();
    await server.close();

    const suffixed = lines.find(
      (line) => line.msg === 'name taken; client joined under a suffixed name',
    );
    expect(suffixed).toMatchObject({
      connectionId: 2,
      requestedName: 'alice',
      username: 'alice (2)',
    });
  });
});
