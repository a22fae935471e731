// A TCP relay on 127.0.0.1 between a client and the chat server that the lesson can cut, like a
// network that drops: `cut()` destroys every relayed connection and rejects new ones until
// `restore()`. The client connects to the relay's port and never notices it is there.

import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface Link {
  /** Port of the relay on 127.0.0.1; connect here instead of to the server. */
  readonly port: number;
  /** Destroys every open connection and rejects new ones, as a dropped network does. */
  cut(): void;
  /** Relays new connections again. */
  restore(): void;
  /** Closes the relay and every connection through it. */
  close(): Promise<void>;
}

/** Starts a relay that forwards every connection to `targetPort` on 127.0.0.1. */
export async function startLink(targetPort: number): Promise<Link> {
  const sockets = new Set<Socket>();
  let up = true;

  const relay = createServer((client) => {
    // A destroyed socket may still report ECONNRESET; the relay has nothing to do about it.
    client.on('error', () => {});
    if (!up) {
      client.destroy();
      return;
    }

    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  relay.listen(0, '127.0.0.1');
  await once(relay, 'listening');

  return {
    port: (relay.address() as AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      up = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
