// Prometheus metrics of one chat server, served at GET /metrics in both modes. Each server has
// its own registry (tests and lessons run several servers in one process); the default process
// metrics (CPU, memory, event loop lag, GC) are collected once per process and merged in.
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

import {
  HubUnavailableError,
  type ChatHub,
  type PublishRequest,
  type PublishResult,
} from './hub.ts';

export interface MetricsSources {
  /** Open WebSocket connections. */
  connections: () => number;
  /** Bytes queued in ws send buffers over all connections. */
  bufferedBytes: () => number;
  /** True while the hub accepts messages; always true for the in-memory hub. */
  hubUp: () => boolean;
  /** `memory` or `redis`, exported as a label so dashboards can tell the modes apart. */
  hubKind: 'memory' | 'redis';
}

let processRegistry: Registry | undefined;

/** Returns the registry of the process-wide default metrics, created on first use. */
function defaultMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class ChatMetrics {
  readonly registry = new Registry();

  readonly framesReceived = new Counter({
    name: 'loopchat_frames_received_total',
    help: 'WebSocket data frames received from clients.',
    registers: [this.registry],
  });
  readonly messagesReceived = new Counter({
    name: 'loopchat_messages_received_total',
    help: 'Chat messages from local clients handed to the hub, by result (accepted, duplicate, hub_unavailable, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly messagesDelivered = new Counter({
    name: 'loopchat_messages_delivered_total',
    help: 'Chat messages from the hub (any node) broadcast to the local clients.',
    registers: [this.registry],
  });
  readonly broadcasts = new Counter({
    name: 'loopchat_broadcasts_total',
    help: 'Broadcasts: one per chat message or presence event sent to every local client.',
    registers: [this.registry],
  });
  readonly framesSent = new Counter({
    name: 'loopchat_broadcast_frames_sent_total',
    help: 'Frames written to client sockets by broadcasts.',
    registers: [this.registry],
  });
  readonly handshakesRejected = new Counter({
    name: 'loopchat_handshakes_rejected_total',
    help: 'WebSocket upgrades rejected before the handshake completed, by error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly slowConsumersClosed = new Counter({
    name: 'loopchat_slow_consumers_closed_total',
    help: 'Connections closed with 4000 because their send buffer exceeded the cap.',
    registers: [this.registry],
  });
  readonly silentClientsTerminated = new Counter({
    name: 'loopchat_silent_clients_terminated_total',
    help: 'Connections terminated by the heartbeat sweep.',
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    new Gauge({
      name: 'loopchat_connections',
      help: 'Open WebSocket connections.',
      registers: [this.registry],
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'loopchat_buffered_bytes',
      help: 'Bytes queued in WebSocket send buffers (bufferedAmount) over all connections.',
      registers: [this.registry],
      collect() {
        this.set(sources.bufferedBytes());
      },
    });
    new Gauge({
      name: 'loopchat_hub_up',
      help: '1 while the hub accepts messages (Redis reachable in cluster mode), else 0.',
      labelNames: ['hub'] as const,
      registers: [this.registry],
      collect() {
        this.set({ hub: sources.hubKind }, sources.hubUp() ? 1 : 0);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Returns the Prometheus text of this server's metrics and the process metrics. */
  async render(): Promise<string> {
    return Registry.merge([defaultMetricsRegistry(), this.registry]).metrics();
  }

  /** Wraps a hub so that every publish is counted by its result. */
  countPublishes(hub: ChatHub): ChatHub {
    const counter = this.messagesReceived;
    return {
      join: (requestedName) => hub.join(requestedName),
      leave: (username) => hub.leave(username),
      users: (limit) => hub.users(limit),
      history: (after, limit) => hub.history(after, limit),
      status: () => hub.status(),
      isReady: () => hub.isReady?.() ?? true,
      subscribe: (listener) => hub.subscribe(listener),
      close: () => hub.close(),
      async publishMessage(request: PublishRequest): Promise<PublishResult> {
        try {
          const result = await hub.publishMessage(request);
          counter.inc({ result: result.duplicate ? 'duplicate' : 'accepted' });
          return result;
        } catch (error) {
          // A hub without Redis rejects for a moment and clients resend, so it counts apart
          // from real failures.
          counter.inc({
            result: error instanceof HubUnavailableError ? 'hub_unavailable' : 'failed',
          });
          throw error;
        }
      },
    };
  }
}
