// Runs the loopchat chat server for the benchmark, in its own process, with the production
// defaults (heartbeat, rate limiting, history, presence coalescing, JSON logs at info level) and
// the overrides the orchestrator passes as JSON in the first argument.
import { startChatServer, type ChatServerOptions } from '../../chat/server/server.ts';
import { reportSamples, reportStartFailure } from './report-samples.ts';

try {
  const overrides = JSON.parse(process.argv[2] ?? '{}') as ChatServerOptions;
  const server = await startChatServer({ host: '127.0.0.1', port: 0, ...overrides });

  reportSamples({
    port: server.port,
    connections: () => server.connectionCount(),
    stop: () => server.close(),
  });
} catch (error) {
  reportStartFailure(error);
}
