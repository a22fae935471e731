// The message log: chat messages, join/leave notices and inline errors, then the sends that are
// still pending. New entries scroll into view only while the reader is at the bottom, so reading
// older messages is not interrupted; a button jumps down instead.

import { useLayoutEffect, useRef, useState } from 'react';

import {
  describeError,
  describePresence,
  type ChatClientMessages,
} from '../../../shared/chat-client.messages.ts';
import type { OutgoingMessage } from '../../../shared/chat-client.ts';
import type { Language } from '../../../shared/i18n.ts';
import { MAX_MESSAGE_GRAPHEMES } from '../../../shared/text.ts';
import type { UiMessages } from './messages.ts';
import type { ChatController, LogEntry } from './useChat.ts';

/** Distance from the bottom, in CSS pixels, that still counts as reading the newest messages. */
const STICKY_BOTTOM_PX = 48;

export interface MessageLogProps {
  chat: ChatController;
  ui: UiMessages;
  text: ChatClientMessages;
  language: Language;
}

export function MessageLog({ chat, ui, text, language }: MessageLogProps) {
  const { log, outgoing, limits } = chat.state;
  const max = limits?.maxMessageGraphemes ?? MAX_MESSAGE_GRAPHEMES;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const atBottomRef = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const timeFormat = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });

  const scrollToBottom = () => {
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
    atBottomRef.current = true;
    setUnseen(false);
  };

  useLayoutEffect(() => {
    if (atBottomRef.current) scrollToBottom();
    else setUnseen(true);
  }, [log.length, outgoing.length]);

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    atBottomRef.current = distance <= STICKY_BOTTOM_PX;
    if (atBottomRef.current) setUnseen(false);
  };

  const renderEntry = (entry: LogEntry) => {
    switch (entry.kind) {
      case 'message': {
        const { message } = entry;
        const date = new Date(message.timestamp * 1000);
        return (
          <li
            key={entry.key}
            className={message.own ? 'message own' : 'message'}
            data-seq={message.seq}
          >
            <time dateTime={date.toISOString()}>{timeFormat.format(date)}</time>{' '}
            <span className="author">{message.username}</span>
            {message.own && <span className="own-label"> {ui.ownLabel}</span>}{' '}
            <span className="text">{message.message}</span>
          </li>
        );
      }
      case 'presence':
        return (
          <li key={entry.key} className="notice">
            {describePresence(text, entry.change)}
          </li>
        );
      case 'history-lost':
        return (
          <li key={entry.key} className="notice">
            {entry.epochChanged ? text.historyEpochChanged : text.historyTrimmed(entry.lost)}
          </li>
        );
      case 'error':
        return (
          <li key={entry.key} className="notice error">
            {describeError(text, entry.error, max)}
          </li>
        );
    }
  };

  return (
    <div className="log-area">
      <div
        className="log-scroller"
        ref={scrollerRef}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={ui.messagesLabel}
      >
        {log.length === 0 && outgoing.length === 0 && <p className="hint">{ui.emptyLog}</p>}
        <ol className="log" role="log" aria-live="polite" aria-label={ui.messagesLabel}>
          {log.map(renderEntry)}
        </ol>
        {outgoing.length > 0 && (
          <ul className="outgoing">
            {outgoing.map((item) => (
              <li key={item.clientMsgId} className={`message own pending pending-${item.status}`}>
                <span className="text">{item.text}</span>{' '}
                {item.status === 'failed' ? (
                  <>
                    <span className="error" role="alert">
                      {text.sendFailed(
                        describeError(text, item.failure ?? { code: 'INTERNAL_ERROR' }, max),
                      )}
                    </span>{' '}
                    <button type="button" onClick={() => chat.dismiss(item.clientMsgId)}>
                      {ui.dismiss}
                    </button>
                  </>
                ) : (
                  <span className="pending-state">{pendingText(item, ui)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {unseen && (
        <button type="button" className="new-messages" onClick={scrollToBottom}>
          {ui.newMessages} ↓
        </button>
      )}
    </div>
  );
}

/** Returns what a pending message waits for: the connection, the rate limit, the server, or the ack. */
function pendingText(item: OutgoingMessage, ui: UiMessages): string {
  if (item.status !== 'queued') return ui.pendingSent;
  if (item.heldBy === 'rate-limit') return ui.pendingRateLimited;
  if (item.heldBy === 'server-unavailable') return ui.pendingServerUnavailable;
  return ui.pendingQueued;
}
