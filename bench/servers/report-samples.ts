// Answers the orchestrator's IPC requests inside a server process: memory and CPU are read here,
// with `process.memoryUsage()` and `process.cpuUsage()`, so the figures are the same on Linux,
// macOS and Windows.
import type { ServerReport, ServerRequest, ServerSample } from '../ipc.ts';

export interface ServedServer {
  port: number;
  connections: () => number;
  stop: () => Promise<void>;
}

/** Reads one sample; a full garbage collection first makes memory figures comparable between runs. */
export function readSample(connections: number, collectGarbage: boolean): ServerSample {
  // `gc` exists only when the process runs with --expose-gc, as the orchestrator starts it.
  if (collectGarbage) globalThis.gc?.();

  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    cpuMs: (cpu.user + cpu.system) / 1000,
    systemCpuMs: cpu.system / 1000,
    connections,
  };
}

/** Reports `listening`, then answers `sample` and `stop` until the orchestrator goes away. */
export function reportSamples(server: ServedServer): void {
  const send = (report: ServerReport) => process.send?.(report);

  process.on('message', (request: ServerRequest) => {
    if (request.type === 'sample') {
      send({ type: 'sample', ...readSample(server.connections(), request.collectGarbage) });
      return;
    }

    server.stop().then(
      () => process.exit(0),
      (error: Error) => {
        send({ type: 'error', message: `stop failed: ${error.message}` });
        process.exit(1);
      },
    );
  });

  // The orchestrator died or dropped the channel: nobody will stop this server, so stop now.
  process.on('disconnect', () => process.exit(0));

  send({ type: 'listening', port: server.port });
}

/** Reports a start-up failure to the orchestrator and exits. */
export function reportStartFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.send?.({ type: 'error', message } satisfies ServerReport);
  process.exit(1);
}
