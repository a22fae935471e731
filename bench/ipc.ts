// The messages the benchmark's processes exchange over Node's IPC channel: the orchestrator
// drives the server processes and the load-client processes with these, and they report back.
// The channel uses `serialization: 'advanced'`, so typed arrays travel without JSON.

/** Which server a run measures: the loopchat chat server or the bare `ws` broadcast loop. */
export type ServerKind = 'loopchat' | 'yardstick';

/** What a server process reports about itself, read inside that process. */
export interface ServerSample {
  /** Resident set size in bytes (`process.memoryUsage().rss`), after a full garbage collection. */
  rssBytes: number;
  /** V8 heap in use in bytes, after the same collection. */
  heapUsedBytes: number;
  /** V8 heap reserved from the system in bytes; it includes the young generation's semi-spaces. */
  heapTotalBytes: number;
  /** Memory of Buffers and other objects outside the V8 heap, in bytes. */
  externalBytes: number;
  /** User plus system CPU time of the process since it started, in milliseconds. */
  cpuMs: number;
  /** System (kernel) part of `cpuMs`: socket writes are mostly system time. */
  systemCpuMs: number;
  /** Open WebSocket connections as the server counts them. */
  connections: number;
}

export type ServerRequest = { type: 'sample'; collectGarbage: boolean } | { type: 'stop' };

export type ServerReport =
  | { type: 'listening'; port: number }
  | ({ type: 'sample' } & ServerSample)
  | { type: 'error'; message: string };

/** How a load client decides that one of its connections is ready. */
export type ReadyOn = 'open' | 'welcome';

export type LoadRequest =
  | {
      type: 'connect';
      url: string;
      /** Subprotocols to offer; empty for none. */
      protocols: string[];
      count: number;
      /** Prefix of the usernames, so that the processes' names do not collide. */
      namePrefix: string;
      /** Handshakes in flight at most, so that the listen backlog does not overflow. */
      concurrency: number;
      readyOn: ReadyOn;
      /** Broadcasts numbered below this keep every delivery latency (the closed-loop phase). */
      recordedBroadcasts: number;
    }
  /** Send one broadcast now (closed-loop latency phase). */
  | { type: 'send'; id: number }
  /** Send `count` broadcasts, numbered from `firstId`, spread evenly at `ratePerSecond`. */
  | { type: 'send-rate'; firstId: number; count: number; ratePerSecond: number }
  /** Report the per-delivery latencies of broadcasts `fromId`..`toId` (inclusive) and forget them. */
  | { type: 'latencies'; fromId: number; toId: number }
  | { type: 'close' };

export type LoadReport =
  | { type: 'progress'; ready: number }
  | {
      type: 'connected';
      ready: number;
      failed: number;
      /** First connection error, for the report; undefined when none failed. */
      firstError: string | undefined;
    }
  | {
      type: 'received';
      id: number;
      /** Receivers of this process that got the broadcast. */
      receivers: number;
      /** Latency from send to the last receiver of this process, in milliseconds. */
      lastMs: number;
    }
  | { type: 'latencies'; values: Float64Array }
  | { type: 'sent'; id: number }
  | {
      type: 'closed';
      closedByServer: number;
      closeCodes: Record<string, number>;
      /** Frames over the whole run that were not benchmark broadcasts. */
      otherFrames: number;
    }
  | { type: 'error'; message: string };
