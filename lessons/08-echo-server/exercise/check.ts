// Check of exercise 08: starts a ws server on 127.0.0.1 (random port) with the student's
// connection handler, connects a real client, sends text (ASCII, Japanese, emoji, empty, 70 000
// bytes) and binary messages, then closes. Because frames are processed in order, every echo a
// handler sends from its message event arrives before the server's answer to the close frame.

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

import { pick } from '../../../shared/i18n.ts';
import type { Check, CheckResult } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type EchoModule = typeof import('./pristine/echo.ts');

const CLOSE_TIMEOUT_MS = 5_000;

interface Sample {
  data: string | Buffer;
  binary: boolean;
}

const SAMPLES: Sample[] = [
  { data: 'hello', binary: false },
  { data: 'こんにちは 👋', binary: false },
  { data: Buffer.from([0, 1, 2, 254, 255]), binary: true },
  { data: '', binary: false },
  { data: 'x'.repeat(70_000), binary: false },
  { data: Buffer.from('not text', 'utf8'), binary: true },
];

function describeSample(sample: Sample, t: typeof messages.en): string {
  if (sample.binary) return `${t.binary}, ${t.bytes((sample.data as Buffer).length)}`;
  const text = sample.data as string;
  return text.length > 20 ? `${t.text}, ${t.bytes(Buffer.byteLength(text))}` : JSON.stringify(text);
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { handleConnection } = await context.importFile<EchoModule>('echo.ts');

  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (socket) => handleConnection(socket));
  const { port } = server.address() as AddressInfo;

  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const received: Array<{ data: Buffer; binary: boolean }> = [];
  client.on('message', (data, isBinary) =>
    received.push({ data: data as Buffer, binary: isBinary }),
  );
  const closed = new Promise<number>((resolve) => client.on('close', (code) => resolve(code)));
  await once(client, 'open');

  for (const sample of SAMPLES) client.send(sample.data, { binary: sample.binary });
  client.close(1000);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS);
  });
  const code = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  server.close();
  for (const socket of server.clients) socket.terminate();
  if (code === 'timeout') return { ok: false, problem: t.noClose(CLOSE_TIMEOUT_MS / 1000) };

  return compareEchoes(received, code, t);
};

function compareEchoes(
  received: Array<{ data: Buffer; binary: boolean }>,
  closeCode: number,
  t: typeof messages.en,
): CheckResult {
  for (const [index, sample] of SAMPLES.entries()) {
    const echo = received[index];
    const label = describeSample(sample, t);
    if (!echo) {
      if (closeCode !== 1000) return { ok: false, problem: t.closedEarly(closeCode) };
      return { ok: false, problem: t.noEcho(index + 1, label) };
    }
    if (echo.binary !== sample.binary) {
      const [got, expected] = sample.binary ? [t.text, t.binary] : [t.binary, t.text];
      return { ok: false, problem: t.wrongType(index + 1, label, got, expected) };
    }
    if (!echo.data.equals(Buffer.from(sample.data))) {
      return { ok: false, problem: t.wrongData(index + 1, label) };
    }
  }
  if (received.length !== SAMPLES.length)
    return { ok: false, problem: t.extraMessage(received.length, SAMPLES.length) };
  return { ok: true };
}

export default check;
