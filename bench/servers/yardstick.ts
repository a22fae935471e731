// The yardstick: the smallest useful `ws` broadcast server. On each message it sends the text to
// every open client, one `send` per client. The benchmark runs it next to loopchat so that every
// loopchat figure has a bare-loop figure from the same machine and the same minute.
import { WebSocket, WebSocketServer } from 'ws';

import { reportSamples, reportStartFailure } from './report-samples.ts';

try {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });

  server.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? data : data.toString();
      for (const client of server.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(text);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });

  const address = server.address();
  reportSamples({
    port: typeof address === 'object' && address !== null ? address.port : 0,
    connections: () => server.clients.size,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  });
} catch (error) {
  reportStartFailure(error);
}
