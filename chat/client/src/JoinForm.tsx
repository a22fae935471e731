// The username form: checks the name with the server's own rule before connecting, and shows
// why the server rejected it when it did.

import { useId, useState, type FormEvent } from 'react';

import type { HandshakeRejection } from '../../../shared/chat-client.ts';
import {
  describeRejection,
  type ChatClientMessages,
} from '../../../shared/chat-client.messages.ts';
import { MAX_USERNAME_GRAPHEMES, validateUsername } from '../../../shared/text.ts';
import type { UiMessages } from './messages.ts';

export interface JoinFormProps {
  ui: UiMessages;
  text: ChatClientMessages;
  rejection: HandshakeRejection | undefined;
  initialName: string;
  onJoin(username: string): void;
}

export function JoinForm({ ui, text, rejection, initialName, onJoin }: JoinFormProps) {
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const rejectedBecause = (code: string) =>
    text.stateRejected(describeRejection(text, code, MAX_USERNAME_GRAPHEMES));
  const shownProblem = problem ?? (rejection ? rejectedBecause(rejection.code) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem(ui.usernameMissing);
      return;
    }
    const checked = validateUsername(name);
    if (!checked.ok) {
      setProblem(rejectedBecause(checked.code));
      return;
    }
    setProblem(undefined);
    onJoin(checked.value);
  };

  return (
    <main className="join">
      <form onSubmit={submit} noValidate>
        <h2>{ui.joinHeading}</h2>
        <label htmlFor={inputId}>{ui.usernameLabel}</label>
        <input
          id={inputId}
          name="username"
          autoComplete="nickname"
          autoFocus
          value={name}
          aria-invalid={shownProblem !== undefined}
          aria-describedby={shownProblem ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(undefined);
          }}
        />
        <p id={hintId} className="hint">
          {ui.usernameHint(MAX_USERNAME_GRAPHEMES)}
        </p>
        {shownProblem && (
          <p id={errorId} className="error" role="alert">
            {shownProblem}
          </p>
        )}
        <button type="submit">{ui.joinButton}</button>
      </form>
    </main>
  );
}
