// The browser chat client: a join form until the user picks a name, then the chat room. The
// language starts from the remembered choice, else `navigator.language`, and can be switched at
// any time.

import { useEffect, useMemo, useState } from 'react';

import { chatClientMessagesFor } from '../../../shared/chat-client.messages.ts';
import { languageFromLocale, type Language } from '../../../shared/i18n.ts';
import { ChatRoom } from './ChatRoom.tsx';
import { JoinForm } from './JoinForm.tsx';
import { uiMessagesFor } from './messages.ts';
import {
  rememberedLanguage,
  rememberedUsername,
  rememberLanguage,
  rememberUsername,
} from './preferences.ts';
import { useChat, type ChatSession } from './useChat.ts';

export interface AppProps {
  /** WebSocket endpoint; defaults to `/chat` on the page's own host. */
  chatUrl?: string;
  /** Connection options for tests: a fake WebSocket, a virtual clock. */
  connectionOptions?: Omit<ChatSession, 'url' | 'username'>;
  initialLanguage?: Language;
}

/** Returns `ws(s)://<this host>/chat`, so the page and the chat share an origin. */
export function defaultChatUrl(): string {
  const url = new URL('/chat', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export function App({ chatUrl, connectionOptions, initialLanguage }: AppProps) {
  const [language, setLanguage] = useState<Language>(
    () => initialLanguage ?? rememberedLanguage() ?? languageFromLocale(navigator.language) ?? 'en',
  );
  const [session, setSession] = useState<ChatSession | null>(null);
  const chat = useChat(session);
  const ui = uiMessagesFor(language);
  const text = useMemo(() => chatClientMessagesFor(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = ui.title;
  }, [language, ui.title]);

  const join = (username: string) => {
    rememberUsername(username);
    setSession({ url: chatUrl ?? defaultChatUrl(), username, ...connectionOptions });
  };
  const rejection =
    chat.state.connection.state === 'rejected' ? chat.state.connection.rejection : undefined;
  const signedIn = session !== null && !rejection;

  return (
    <div className="app">
      <header className="app-header">
        <h1>{ui.title}</h1>
        <button
          type="button"
          className="language-switch"
          lang={language === 'en' ? 'ja' : 'en'}
          aria-label={ui.languageSwitchLabel}
          onClick={() => {
            const next = language === 'en' ? 'ja' : 'en';
            rememberLanguage(next);
            setLanguage(next);
          }}
        >
          {ui.languageSwitch}
        </button>
        {signedIn && (
          <button type="button" onClick={() => setSession(null)}>
            {ui.leaveButton}
          </button>
        )}
      </header>
      {signedIn ? (
        <ChatRoom chat={chat} ui={ui} text={text} language={language} />
      ) : (
        <JoinForm
          ui={ui}
          text={text}
          rejection={rejection}
          initialName={session?.username ?? rememberedUsername()}
          onJoin={join}
        />
      )}
    </div>
  );
}
