// A minimal TCP load balancer for the lesson: each new connection goes to the first backend that
// accepts it, in order, and its bytes are piped both ways. When a backend dies, its connections
// are destroyed and the next connection attempt falls through to a live backend.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Balancer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startBalancer(backendPorts: readonly number[]): Promise<Balancer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    forward(client, backendPorts, 0, sockets);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function forward(
  client: Socket,
  ports: readonly number[],
  index: number,
  sockets: Set<Socket>,
): void {
  if (index >= ports.length) {
    client.destroy();
    return;
  }

  const upstream = connect(ports[index]!, '127.0.0.1');
  let connected = false;
  sockets.add(upstream);

  upstream.once('connect', () => {
    connected = true;
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    client.resume();
  });
  upstream.on('error', () => {
    // Refused before it connected: this backend is down, so the next one gets the client.
    if (!connected) forward(client, ports, index + 1, sockets);
  });
  upstream.on('close', () => {
    sockets.delete(upstream);
    if (connected) client.destroy();
  });
}
