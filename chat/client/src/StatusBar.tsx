// The connection status line with the reconnect countdown and a button to skip the wait.

import { useEffect, useState } from 'react';

import {
  describeReconnecting,
  type ChatClientMessages,
} from '../../../shared/chat-client.messages.ts';
import type { UiMessages } from './messages.ts';
import type { ChatController } from './useChat.ts';

/** How often the countdown re-renders while reconnecting. */
const COUNTDOWN_TICK_MS = 250;

export interface StatusBarProps {
  chat: ChatController;
  ui: UiMessages;
  text: ChatClientMessages;
}

export function StatusBar({ chat, ui, text }: StatusBarProps) {
  const { connection } = chat.state;
  const [, setTick] = useState(0);

  useEffect(() => {
    if (connection.state !== 'reconnecting') return;
    const timer = window.setInterval(() => setTick((tick) => tick + 1), COUNTDOWN_TICK_MS);
    return () => window.clearInterval(timer);
  }, [connection.state]);

  let status: string;
  switch (connection.state) {
    case 'connecting':
      status = text.stateConnecting;
      break;
    case 'connected':
      status = text.stateConnected(connection.username ?? '');
      break;
    case 'reconnecting': {
      const remainingMs = Math.max(0, (connection.retryAt ?? 0) - chat.now());
      status = describeReconnecting(
        text,
        connection.disconnect?.reason ?? 'server-closed',
        Math.ceil(remainingMs / 1000),
      );
      break;
    }
    case 'rejected':
    case 'closed':
      status = text.stateClosed;
      break;
  }

  return (
    <div className={`status status-${connection.state}`} role="status" aria-label={ui.statusLabel}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{status}</span>
      {connection.state === 'reconnecting' && (
        <button type="button" onClick={chat.reconnectNow}>
          {text.reconnectNow}
        </button>
      )}
    </div>
  );
}
