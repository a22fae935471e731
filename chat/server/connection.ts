// Per-connection protocol handling: joining the hub, then one shared listener per ws event that
// finds the connection record through `this` (ws calls listeners with `this` set to the socket),
// so no closure or timer is created per client.
import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';

import {
  CloseCode,
  decodeClientFrame,
  PROTOCOL_V1,
  type ClientCommand,
  type ErrorCode,
} from '../../shared/protocol.ts';
import { validateMessage } from '../../shared/text.ts';
import { sendEvent } from './broadcast.ts';
import type { ChatServerConfig } from './config.ts';
import type { AcceptedHandshake } from './handshake.ts';
import { HubUnavailableError, type ChatHub, type HistoryResult, type ResumePoint } from './hub.ts';
import type { Logger } from './logger.ts';
import { messagesFor } from './messages.ts';
import { countRejection, createTokenBucket, takeToken } from './rate-limit.ts';
import type { Connection, ConnectionRegistry } from './registry.ts';

/** Names sent in a `users` event at most; `count` still reports everyone. */
export const USERS_LIST_MAX = 200;

export interface ConnectionContext {
  config: ChatServerConfig;
  hub: ChatHub;
  registry: ConnectionRegistry;
  logger: Logger;
  logRepeatedError: (key: string, fields: Record<string, unknown>, message: string) => void;
  now: () => number;
}

/** Returns the function that takes over a socket right after a successful handshake. */
export function createConnectionHandler(
  context: ConnectionContext,
): (socket: WebSocket, handshake: AcceptedHandshake, request: IncomingMessage) => void {
  const { config, hub, registry, logger, now } = context;
  const rateLimit = { burst: config.rateBurst, ratePerSecond: config.ratePerSecond };

  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const connection = registry.get(this);
    // Frames are held back until the join completes; one that slips through after a failed join
    // has no username to publish under.
    if (!connection?.ready) return;
    connection.lastSeenAt = now();
    handleFrame(connection, data, isBinary);
  }

  function onAlive(this: WebSocket): void {
    const connection = registry.get(this);
    if (connection) connection.lastSeenAt = now();
  }

  function onError(this: WebSocket, error: Error & { code?: string }): void {
    // ws reports protocol violations here and then closes the socket itself: an oversized frame
    // with 1009, invalid UTF-8 with 1007. Listening is required, or the error would be thrown.
    const connection = registry.get(this);
    logger.info(
      {
        connectionId: connection?.id,
        username: connection?.username,
        errorCode: error.code,
        error: error.message,
      },
      'connection protocol error',
    );
  }

  function onClose(this: WebSocket, code: number): void {
    const connection = registry.get(this);
    if (!connection) return;
    registry.delete(this);
    logger.info(
      { connectionId: connection.id, username: connection.username, closeCode: code },
      'client disconnected',
    );

    if (connection.joined) {
      connection.joined = false;
      hub.leave(connection.username).catch((error: Error) => {
        context.logRepeatedError(
          'hub-leave',
          { err: error, connectionId: connection.id },
          'hub leave failed',
        );
      });
    }
  }

  function handleFrame(connection: Connection, data: RawData, isBinary: boolean): void {
    const time = now();
    const token = takeToken(connection.bucket, rateLimit, time);
    if (!token.ok) {
      const flooding = countRejection(
        connection.flood,
        time,
        config.floodMaxRejections,
        config.floodWindowMs,
      );
      if (flooding) {
        logger.warn(
          { connectionId: connection.id, username: connection.username },
          'closing flooding client',
        );
        connection.socket.close(CloseCode.POLICY_VIOLATION, 'flooding');
        return;
      }
      // Naming the rejected message lets the client resend exactly that one.
      const clientMsgId = isBinary ? undefined : clientMsgIdOf(connection, data);
      sendError(
        connection,
        'RATE_LIMITED',
        messagesFor(connection.language).RATE_LIMITED(token.retryAfterMs),
        clientMsgId === undefined
          ? { retryAfterMs: token.retryAfterMs }
          : { retryAfterMs: token.retryAfterMs, clientMsgId },
      );
      return;
    }

    if (isBinary) {
      sendError(
        connection,
        'BINARY_NOT_SUPPORTED',
        messagesFor(connection.language).BINARY_NOT_SUPPORTED,
      );
      return;
    }

    const decoded = decodeClientFrame(rawDataToString(data), connection.version);
    if (!decoded.ok) {
      const text = messagesFor(connection.language);
      const message =
        decoded.code === 'INVALID_JSON'
          ? text.INVALID_JSON(decoded.detail)
          : decoded.code === 'UNKNOWN_COMMAND'
            ? text.UNKNOWN_COMMAND(decoded.detail)
            : text.INVALID_COMMAND(decoded.detail);
      sendError(connection, decoded.code, message);
      return;
    }

    const command = decoded.value;
    handleCommand(connection, command).catch((error: Error) => {
      if (error instanceof HubUnavailableError) {
        // The client resends after the delay; the same clientMsgId makes the resend safe.
        const clientMsgId = command.type === 'message' ? command.clientMsgId : undefined;
        sendError(
          connection,
          'HUB_UNAVAILABLE',
          messagesFor(connection.language).HUB_UNAVAILABLE(error.retryAfterMs),
          clientMsgId === undefined
            ? { retryAfterMs: error.retryAfterMs }
            : { retryAfterMs: error.retryAfterMs, clientMsgId },
        );
        return;
      }
      context.logRepeatedError(
        'command',
        { err: error, connectionId: connection.id },
        'command failed',
      );
      sendError(connection, 'INTERNAL_ERROR', messagesFor(connection.language).INTERNAL_ERROR);
    });
  }

  async function handleCommand(connection: Connection, command: ClientCommand): Promise<void> {
    switch (command.type) {
      case 'ping':
        sendEvent(
          connection,
          command.id === undefined ? { type: 'pong' } : { type: 'pong', id: command.id },
        );
        return;

      case 'who':
        await sendUsers(connection);
        return;

      case 'resume':
        await sendHistory(connection, { epoch: command.epoch, seq: command.after });
        return;

      case 'message':
        await publish(connection, command.message, command.clientMsgId);
        return;
    }
  }

  async function publish(
    connection: Connection,
    raw: string,
    clientMsgId: string | undefined,
  ): Promise<void> {
    const checked = validateMessage(raw, config.maxMessageGraphemes);
    if (!checked.ok) {
      const text = messagesFor(connection.language);
      const message =
        checked.code === 'MESSAGE_TOO_LONG'
          ? text.MESSAGE_TOO_LONG(checked.graphemes, checked.max, checked.atLeast)
          : text.MESSAGE_EMPTY;
      sendError(
        connection,
        checked.code,
        message,
        clientMsgId === undefined ? {} : { clientMsgId },
      );
      return;
    }

    // The hub reports the new message to every server, this one included, and each server
    // broadcasts it. The sender therefore gets its own message like everyone else, then the ack.
    const result = await hub.publishMessage({
      username: connection.username,
      message: checked.value,
      clientMsgId,
      senderKey: connection.requestedName,
    });
    if (connection.version === 'v1' && clientMsgId !== undefined) {
      sendEvent(connection, {
        type: 'ack',
        clientMsgId,
        seq: result.seq,
        epoch: result.epoch,
        duplicate: result.duplicate,
      });
    }
  }

  async function sendUsers(connection: Connection): Promise<void> {
    const { users, count } = await hub.users(USERS_LIST_MAX);
    sendEvent(connection, { type: 'users', users, count, truncated: count > users.length });
  }

  async function sendHistory(
    connection: Connection,
    after: ResumePoint | undefined,
  ): Promise<HistoryResult> {
    const history = await hub.history(after, config.historyReplaySize);
    sendEvent(connection, { type: 'history', ...history });
    return history;
  }

  /**
   * Sends the messages broadcast during the join that the history reply did not contain. The
   * history ends with the newest message at the time it was read. When it is empty, nothing
   * newer than the welcome's `seq` existed then.
   */
  function sendBacklog(connection: Connection, history: HistoryResult, welcomeSeq: number): void {
    const backlog = registry.takeBacklog(connection);
    if (!backlog) return;

    const coveredSeq = history.messages.at(-1)?.seq ?? welcomeSeq;
    for (const message of backlog) {
      if (message.seq > coveredSeq) sendEvent(connection, { type: 'message', ...message });
    }
  }

  function sendError(
    connection: Connection,
    code: ErrorCode,
    message: string,
    extra: { retryAfterMs?: number; clientMsgId?: string } = {},
  ): void {
    if (connection.version === 'plain') sendEvent(connection, { type: 'error', message });
    else sendEvent(connection, { type: 'error', code, message, ...extra });
  }

  async function join(connection: Connection, handshake: AcceptedHandshake): Promise<void> {
    const { socket } = connection;
    const { username } = await hub.join(connection.requestedName);
    connection.username = username;
    connection.joined = true;
    if (username !== connection.requestedName) {
      logger.info(
        { connectionId: connection.id, requestedName: connection.requestedName, username },
        'name taken; client joined under a suffixed name',
      );
    }

    // The client may have gone while the hub was busy; its close event already ran.
    if (socket.readyState !== WebSocket.OPEN) {
      connection.joined = false;
      await hub.leave(username);
      return;
    }

    if (connection.version === 'v1') {
      // Broadcasts skip the connection until it is ready, so the messages published while the
      // calls below wait on the hub are kept and sent after the history.
      registry.startBacklog(connection);
      const status = await hub.status();
      sendEvent(connection, {
        type: 'welcome',
        username,
        epoch: status.epoch,
        seq: status.seq,
        count: status.count,
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        limits: {
          maxMessageGraphemes: config.maxMessageGraphemes,
          maxFrameBytes: config.maxFrameBytes,
          rateBurst: config.rateBurst,
          ratePerSecond: config.ratePerSecond,
        },
      });
      await sendUsers(connection);
      const history = await sendHistory(connection, handshake.resume);
      sendBacklog(connection, history, status.seq);
    }

    connection.ready = true;
    socket.resume();
  }

  return function acceptConnection(socket, handshake, request) {
    const time = now();
    const connection: Connection = {
      id: registry.nextId(),
      socket,
      version: socket.protocol === PROTOCOL_V1 ? 'v1' : 'plain',
      language: handshake.language,
      requestedName: handshake.requestedName,
      username: '',
      joined: false,
      ready: false,
      lastSeenAt: time,
      bucket: createTokenBucket(rateLimit, time),
      flood: { rejections: 0, windowStartedAt: time },
    };
    registry.add(connection);

    socket.on('message', onMessage);
    socket.on('pong', onAlive);
    socket.on('ping', onAlive);
    socket.on('error', onError);
    socket.on('close', onClose);

    // Frames wait in the socket until the hub has assigned a name, so that every command runs
    // with the final username.
    socket.pause();

    logger.info(
      {
        connectionId: connection.id,
        requestedName: handshake.requestedName,
        protocol: connection.version,
        remoteAddress: request.socket.remoteAddress,
      },
      'client connected',
    );

    join(connection, handshake).catch((error: Error) => {
      context.logRepeatedError(
        'hub-join',
        { err: error, connectionId: connection.id },
        'hub join failed',
      );
      // Reading resumes so that the client's close reply arrives; its frames are dropped
      // because the connection never became ready.
      registry.takeBacklog(connection);
      socket.resume();
      socket.close(CloseCode.INTERNAL_ERROR, 'join failed');
    });
  };
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Returns the `clientMsgId` of a v1 `message` command in a frame, or undefined for anything else. */
function clientMsgIdOf(connection: Connection, data: RawData): string | undefined {
  if (connection.version !== 'v1') return undefined;
  const decoded = decodeClientFrame(rawDataToString(data), 'v1');
  return decoded.ok && decoded.value.type === 'message' ? decoded.value.clientMsgId : undefined;
}
