// The message input with its grapheme counter; Enter sends. While the connection is down, the
// input stays enabled and the button reads "Queue", because the shared client sends queued
// messages after the reconnect. Only a signed-out or rejected session has no composer at all.

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

import { describeError, type ChatClientMessages } from '../../../shared/chat-client.messages.ts';
import { countGraphemes, MAX_MESSAGE_GRAPHEMES } from '../../../shared/text.ts';
import type { UiMessages } from './messages.ts';
import type { ChatController } from './useChat.ts';

export interface ComposerProps {
  chat: ChatController;
  ui: UiMessages;
  text: ChatClientMessages;
}

export function Composer({ chat, ui, text }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const inputId = useId();
  const counterId = useId();

  const max = chat.state.limits?.maxMessageGraphemes ?? MAX_MESSAGE_GRAPHEMES;
  const count = countGraphemes(draft.trim());
  const online = chat.state.connection.state === 'connected';
  const tooLong = count > max;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const result = chat.send(draft);
    if (result.ok) {
      setDraft('');
      setProblem(undefined);
    } else if (result.code !== 'NOT_CONNECTED') {
      setProblem(describeError(text, { code: result.code }, max));
    }
  };

  // An IME composition (Japanese input) uses Enter to confirm a conversion, which must not send.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {ui.messageLabel}
      </label>
      <input
        id={inputId}
        autoFocus
        name="message"
        type="text"
        autoComplete="off"
        value={draft}
        placeholder={online ? ui.messagePlaceholder : ui.messagePlaceholderOffline}
        aria-describedby={counterId}
        aria-invalid={tooLong}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      <span
        id={counterId}
        className={tooLong ? 'counter over' : 'counter'}
        aria-label={ui.counterLabel(count, max)}
      >
        {count}/{max}
      </span>
      <button type="submit" disabled={count === 0 || tooLong}>
        {online ? ui.sendButton : ui.queueButton}
      </button>
      {problem && (
        <p className="error composer-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
