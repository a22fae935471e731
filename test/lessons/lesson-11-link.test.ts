// Lesson 11's TCP relay: it forwards bytes both ways, `cut()` drops open connections and rejects
// new ones, and `restore()` relays again. Real sockets on 127.0.0.1, port 0.

import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLink, type Link } from '../../lessons/11-heartbeat-and-reconnect/link.ts';

let echo: Server;
let link: Link;
const clients: Socket[] = [];

beforeEach(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  link = await startLink((echo.address() as AddressInfo).port);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await link.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** Connects to the relay and resolves with the socket once connected. */
async function connectToLink(): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port: link.port });
  socket.on('error', () => {});
  clients.push(socket);
  await once(socket, 'connect');
  return socket;
}

/** Resolves with the first chunk the socket receives. */
async function firstChunk(socket: Socket): Promise<string> {
  const [chunk] = (await once(socket, 'data')) as [Buffer];
  return chunk.toString('utf8');
}

describe('lesson 11 link', () => {
  it('relays bytes both ways', async () => {
    const socket = await connectToLink();
    socket.write('ping');
    expect(await firstChunk(socket)).toBe('ping');
  });

  it('closes open connections on cut', async () => {
    const socket = await connectToLink();
    socket.write('hello');
    await firstChunk(socket);

    const closed = once(socket, 'close');
    link.cut();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('rejects new connections until restored', async () => {
    link.cut();
    const rejected = await connectToLink();
    await once(rejected, 'close');
    expect(rejected.bytesRead).toBe(0);

    link.restore();
    const socket = await connectToLink();
    socket.write('back');
    expect(await firstChunk(socket)).toBe('back');
  });
});
