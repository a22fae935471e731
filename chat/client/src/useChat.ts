// React hook around the shared reconnecting client: it owns one ChatClient per session and folds
// its events into render state (the log, the user list, pending sends, the connection status).
// The WebSocket class and the clock can be injected, so tests drive it with a fake socket and a
// virtual clock.

import { useEffect, useMemo, useReducer, useRef } from 'react';

import {
  ChatClient,
  type ChatClientOptions,
  type ConnectionSnapshot,
  type OutgoingMessage,
  type PresenceChange,
  type ReceivedMessage,
  type SendResult,
  type ServerError,
} from '../../../shared/chat-client.ts';
import type { ChatLimits } from '../../../shared/protocol.ts';

/** Log entries kept in memory; older ones are dropped so a long session stays fast. */
export const MAX_LOG_ENTRIES = 1_000;

/** One line of the chat log. Notices keep their data, not their text, so a language switch re-renders them. */
export type LogEntry =
  | { kind: 'message'; key: string; message: ReceivedMessage }
  | { kind: 'presence'; key: string; change: PresenceChange }
  | { kind: 'history-lost'; key: string; epochChanged: boolean; lost: number }
  | { kind: 'error'; key: string; error: ServerError };

export interface ChatState {
  connection: ConnectionSnapshot;
  log: LogEntry[];
  users: string[];
  userCount: number;
  usersTruncated: boolean;
  /** Sends not confirmed yet, and failed ones until dismissed, oldest first. */
  outgoing: OutgoingMessage[];
  limits: ChatLimits | undefined;
}

/** Connection options of one chat session; `useChat(null)` means signed out. */
export type ChatSession = Pick<ChatClientOptions, 'url' | 'username'> &
  Partial<Omit<ChatClientOptions, 'url' | 'username'>>;

type Action =
  | { type: 'reset' }
  | { type: 'state'; snapshot: ConnectionSnapshot }
  | { type: 'welcome'; limits: ChatLimits }
  | { type: 'log'; entry: LogEntry }
  | { type: 'users'; users: string[]; count: number; truncated: boolean }
  | { type: 'outgoing'; message: OutgoingMessage }
  | { type: 'dismiss'; clientMsgId: string };

const INITIAL_STATE: ChatState = {
  connection: { state: 'closed', attempt: 0 },
  log: [],
  users: [],
  userCount: 0,
  usersTruncated: false,
  outgoing: [],
  limits: undefined,
};

function reduce(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'reset':
      return INITIAL_STATE;
    case 'state':
      return { ...state, connection: action.snapshot };
    case 'welcome':
      return { ...state, limits: action.limits };
    case 'log': {
      const log = [...state.log, action.entry];
      return { ...state, log: log.length > MAX_LOG_ENTRIES ? log.slice(-MAX_LOG_ENTRIES) : log };
    }
    case 'users':
      return {
        ...state,
        users: action.users,
        userCount: action.count,
        usersTruncated: action.truncated,
      };
    case 'outgoing': {
      const rest = state.outgoing.filter((item) => item.clientMsgId !== action.message.clientMsgId);
      // A confirmed send is now part of the log under its `seq`, so it leaves the pending list.
      if (action.message.status === 'confirmed') return { ...state, outgoing: rest };
      const index = state.outgoing.findIndex(
        (item) => item.clientMsgId === action.message.clientMsgId,
      );
      const outgoing = [...state.outgoing];
      if (index === -1) outgoing.push(action.message);
      else outgoing[index] = action.message;
      return { ...state, outgoing };
    }
    case 'dismiss':
      return {
        ...state,
        outgoing: state.outgoing.filter((item) => item.clientMsgId !== action.clientMsgId),
      };
  }
}

export interface ChatController {
  state: ChatState;
  /** Queues a message; for an invalid text the result contains the reason it was not queued. */
  send(text: string): SendResult;
  reconnectNow(): void;
  /** Removes a failed send from the pending list. */
  dismiss(clientMsgId: string): void;
  /** Current time of the client's clock, to turn `retryAt` into a countdown. */
  now(): number;
}

/** Connects while `session` is not null; a new session object starts a new connection. */
export function useChat(session: ChatSession | null): ChatController {
  const [state, dispatch] = useReducer(reduce, INITIAL_STATE);
  const clientRef = useRef<ChatClient | null>(null);

  useEffect(() => {
    dispatch({ type: 'reset' });
    if (!session) return;

    const client = new ChatClient({
      WebSocket: globalThis.WebSocket,
      ...session,
    });
    clientRef.current = client;
    let nextKey = 0;
    const key = (prefix: string) => `${prefix}-${nextKey++}`;

    client.on('state', (snapshot) => dispatch({ type: 'state', snapshot }));
    client.on('welcome', ({ limits }) => dispatch({ type: 'welcome', limits }));
    client.on('message', (message) =>
      dispatch({ type: 'log', entry: { kind: 'message', key: key(`m${message.seq}`), message } }),
    );
    client.on('presence', (change) =>
      dispatch({ type: 'log', entry: { kind: 'presence', key: key('p'), change } }),
    );
    client.on('historyLost', ({ epochChanged, lost }) =>
      dispatch({ type: 'log', entry: { kind: 'history-lost', key: key('h'), epochChanged, lost } }),
    );
    client.on('serverError', (error) => {
      // A rejected send is shown once, next to the message, by its `outgoing` failure.
      if (error.clientMsgId !== undefined && error.code !== 'RATE_LIMITED') return;
      dispatch({ type: 'log', entry: { kind: 'error', key: key('e'), error } });
    });
    client.on('users', ({ users, count, truncated }) =>
      dispatch({ type: 'users', users, count, truncated }),
    );
    client.on('outgoing', (message) => dispatch({ type: 'outgoing', message }));

    client.connect();
    return () => {
      client.close();
      if (clientRef.current === client) clientRef.current = null;
    };
  }, [session]);

  return useMemo(
    () => ({
      state,
      send: (text: string) => clientRef.current?.send(text) ?? { ok: false, code: 'NOT_CONNECTED' },
      reconnectNow: () => clientRef.current?.reconnectNow(),
      dismiss: (clientMsgId: string) => dispatch({ type: 'dismiss', clientMsgId }),
      now: () => clientRef.current?.now() ?? 0,
    }),
    [state],
  );
}
