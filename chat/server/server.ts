// Starts the chat server in-process: HTTP app, WebSocket upgrade checks, connection handling,
// hub subscription, presence coalescing, heartbeat and graceful shutdown. The CLI, the tests,
// the lessons and the benchmarks all start it through `startChatServer`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

import { CloseCode, PROTOCOL_V1 } from '../../shared/protocol.ts';
import { broadcast, type BroadcastEvents } from './broadcast.ts';
import { DEFAULT_CONFIG, normaliseOrigin, type ChatServerConfig } from './config.ts';
import { createConnectionHandler } from './connection.ts';
import { checkHandshake, rejectUpgrade } from './handshake.ts';
import { startHeartbeat } from './heartbeat.ts';
import { createHttpApp } from './http-app.ts';
import type { ChatHub, HubEvent } from './hub.ts';
import { createLogger, createRepeatedErrorLog, type Logger } from './logger.ts';
import { MemoryChatHub } from './memory-hub.ts';
import { ChatMetrics } from './metrics.ts';
import { RedisChatHub, redactedUrl } from './redis-hub.ts';
import { PresenceCoalescer } from './presence.ts';
import type { Connection } from './registry.ts';
import { ConnectionRegistry } from './registry.ts';
import { closeStaggered } from './shutdown.ts';

export interface ChatServerOptions extends Partial<ChatServerConfig> {
  /** Hub to use; defaults to an in-memory hub that the server also closes. */
  hub?: ChatHub;
  /** Logger to use; defaults to one built from `logFormat` and `logLevel`. */
  logger?: Logger;
}

export interface ChatServerStats {
  /** Open WebSocket connections. */
  connections: number;
  /** Bytes queued in ws send buffers (`bufferedAmount`) over all connections. */
  bufferedBytes: number;
  /** Connections closed with 4000 because they did not read fast enough. */
  slowConsumersClosed: number;
  /** Connections terminated by the heartbeat sweep. */
  silentClientsTerminated: number;
}

export interface ChatServer {
  /** Base URL such as `http://127.0.0.1:3000`; the chat endpoint is `${url}/chat`. */
  readonly url: string;
  readonly port: number;
  readonly config: Readonly<ChatServerConfig>;
  readonly hub: ChatHub;
  readonly logger: Logger;
  readonly httpServer: Server;
  /** Open WebSocket connections. */
  connectionCount(): number;
  /** Counters for tests, benchmarks and metrics. */
  stats(): ChatServerStats;
  /** Sends queued join/leave changes now instead of at the end of the flush interval. */
  flushPresence(): void;
  /** Graceful shutdown: readiness false, new upgrades refused with 503, sockets closed with 1001. */
  close(): Promise<void>;
}

export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const { hub: givenHub, logger: givenLogger, ...overrides } = options;
  const config: ChatServerConfig = { ...DEFAULT_CONFIG, ...withoutUndefined(overrides) };
  config.allowedOrigins = config.allowedOrigins.map((origin) => normaliseOrigin(origin) ?? origin);
  const logger = givenLogger ?? createLogger(config);
  const hub = givenHub ?? (await createDefaultHub(config, logger));
  const registry = new ConnectionRegistry();
  const metrics = new ChatMetrics({
    connections: () => registry.size,
    bufferedBytes: () => bufferedBytes(registry),
    hubUp: () => hub.isReady?.() ?? true,
    hubKind: hub instanceof RedisChatHub ? 'redis' : 'memory',
  });
  const logRepeatedError = createRepeatedErrorLog(logger);
  let shuttingDown = false;
  let slowConsumersClosed = 0;
  let silentClientsTerminated = 0;

  const broadcastOptions = {
    maxBufferedBytes: config.maxBufferedBytes,
    onSlowConsumer(connection: Connection) {
      logger.warn(
        {
          connectionId: connection.id,
          username: connection.username,
          bufferedAmount: connection.socket.bufferedAmount,
        },
        'closing slow consumer',
      );
      slowConsumersClosed++;
      metrics.slowConsumersClosed.inc();
      connection.socket.close(CloseCode.SLOW_CONSUMER, 'slow consumer');
    },
  };
  const deliver = (events: BroadcastEvents) => {
    metrics.broadcasts.inc();
    metrics.framesSent.inc(broadcast(registry, events, broadcastOptions));
  };

  const presence = new PresenceCoalescer(config.presenceFlushMs, (events) =>
    events.forEach(deliver),
  );
  const unsubscribe = hub.subscribe((event: HubEvent) => {
    if (event.type === 'message') {
      metrics.messagesDelivered.inc();
      const { username, message, timestamp } = event.message;
      registry.addToBacklogs(event.message);
      presence.flushBeforeMessage();
      deliver({
        plain: { type: 'message', username, message, timestamp },
        v1: { type: 'message', ...event.message },
      });
    } else if (event.type === 'presence') {
      presence.add({ change: event.change, username: event.username, count: event.count });
    } else {
      // The shared history was lost, so every client's sequence numbers are void: closing
      // makes v1 clients reconnect, resume and learn the new epoch from `epochChanged`.
      // The old connections' leaves can arrive after a client's new welcome, so clients ignore
      // a leave of their own name. The hub keeps a name alive while any connection uses it.
      logger.warn(
        { epoch: event.epoch, connections: registry.size },
        'chat history epoch changed; closing clients with 1012 so that they resume on it',
      );
      for (const connection of registry.values())
        connection.socket.close(CloseCode.SERVICE_RESTART, 'chat history reset');
    }
  });

  const app = createHttpApp({
    readiness: () =>
      shuttingDown ? 'shutting-down' : (hub.isReady?.() ?? true) ? 'ready' : 'hub-unavailable',
    metrics,
    checkHandshake: (request) =>
      checkHandshake(request, { shuttingDown, allowedOrigins: config.allowedOrigins }),
  });
  const httpServer = createServer(app);
  const webSocketServer = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxFrameBytes,
    perMessageDeflate: config.perMessageDeflate,
    // The registry tracks connections; ws's own client set would be a second copy.
    clientTracking: false,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL_V1) ? PROTOCOL_V1 : false),
  });
  const acceptConnection = createConnectionHandler({
    config,
    hub: metrics.countPublishes(hub),
    registry,
    logger,
    logRepeatedError,
    now: Date.now,
  });

  // One shared listener for every socket, so counting costs no closure per client.
  const countFrame = () => metrics.framesReceived.inc();

  // A client that resets the connection during the handshake must not crash the process.
  const onUpgradeSocketError = (error: Error) =>
    logger.debug({ err: error }, 'upgrade socket error');

  httpServer.on('upgrade', (request, socket, head) => {
    socket.on('error', onUpgradeSocketError);

    const handshake = checkHandshake(request, {
      shuttingDown,
      allowedOrigins: config.allowedOrigins,
    });
    if (!handshake.ok) {
      logger.info(
        { status: handshake.status, code: handshake.code, reason: handshake.reason },
        'handshake rejected',
      );
      metrics.handshakesRejected.inc({ code: handshake.code });
      rejectUpgrade(socket, handshake.status, { code: handshake.code, message: handshake.message });
      return;
    }

    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on('message', countFrame);
      acceptConnection(webSocket, handshake, request);
    });
  });

  httpServer.on('clientError', (error, socket) => {
    logger.debug({ err: error }, 'malformed HTTP request');
    socket.destroy();
  });

  const stopHeartbeat = startHeartbeat(registry, {
    intervalMs: config.heartbeatIntervalMs,
    timeoutMs: config.heartbeatTimeoutMs,
    onDead(connection, silentMs) {
      silentClientsTerminated++;
      metrics.silentClientsTerminated.inc();
      logger.info(
        { connectionId: connection.id, username: connection.username, silentMs },
        'terminating silent client',
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    // A Redis hub holds connections and a heartbeat timer that would outlive the failed start.
    if (!givenHub) await hub.close();
    throw error;
  });

  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  logger.info(
    {
      url,
      hub: hub instanceof RedisChatHub ? 'redis' : 'memory',
      redis: config.redis === '' ? undefined : redactedUrl(config.redis),
      maxMessageGraphemes: config.maxMessageGraphemes,
      maxFrameBytes: config.maxFrameBytes,
      rateBurst: config.rateBurst,
      ratePerSecond: config.ratePerSecond,
      maxBufferedBytes: config.maxBufferedBytes,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      historySize: config.historySize,
      allowedOrigins: config.allowedOrigins,
    },
    'chat server listening',
  );

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    // Readiness turns false and upgrades get 503 first. The listener stays open during the
    // stagger window, so a load balancer polling /readyz gets the 503 and stops sending clients.
    shuttingDown = true;
    logger.info({ connections: registry.size }, 'chat server shutting down');

    stopHeartbeat();
    presence.close();
    unsubscribe();

    await closeStaggered(
      [...registry.values()].map((connection) => connection.socket),
      config.shutdownStaggerMs,
    );

    const serverClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeAllConnections();
    if (!givenHub) await hub.close();
    await serverClosed;
    logger.info('chat server stopped');
  }

  return {
    url,
    port,
    config,
    hub,
    logger,
    httpServer,
    connectionCount: () => registry.size,
    flushPresence: () => presence.flush(),
    stats() {
      return {
        connections: registry.size,
        bufferedBytes: bufferedBytes(registry),
        slowConsumersClosed,
        silentClientsTerminated,
      };
    },
    close: () => (closing ??= close()),
  };
}

/** Returns the in-memory hub, or with `redis` set, a started hub shared through Redis. */
async function createDefaultHub(config: ChatServerConfig, logger: Logger): Promise<ChatHub> {
  if (config.redis === '')
    return new MemoryChatHub({ historySize: config.historySize, dedupeSize: config.dedupeSize });

  const hub = new RedisChatHub({
    url: config.redis,
    historySize: config.historySize,
    nodeTtlMs: config.redisNodeTtlMs,
    logger,
  });
  await hub.start();
  return hub;
}

function bufferedBytes(registry: ConnectionRegistry): number {
  let total = 0;
  for (const connection of registry.values()) total += connection.socket.bufferedAmount;
  return total;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
