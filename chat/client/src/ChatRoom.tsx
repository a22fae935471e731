// The chat room: connection status, the message log with pending sends, the composer and the
// user list. On a narrow screen the user list folds into a disclosure above the log.

import type { ChatClientMessages } from '../../../shared/chat-client.messages.ts';
import type { Language } from '../../../shared/i18n.ts';
import { Composer } from './Composer.tsx';
import { MessageLog } from './MessageLog.tsx';
import type { UiMessages } from './messages.ts';
import { StatusBar } from './StatusBar.tsx';
import type { ChatController } from './useChat.ts';
import { UserList } from './UserList.tsx';

export interface ChatRoomProps {
  chat: ChatController;
  ui: UiMessages;
  text: ChatClientMessages;
  language: Language;
}

export function ChatRoom({ chat, ui, text, language }: ChatRoomProps) {
  const { state } = chat;
  return (
    <main className="room">
      <StatusBar chat={chat} ui={ui} text={text} />
      <UserList
        ui={ui}
        users={state.users}
        count={state.userCount}
        truncated={state.usersTruncated}
        live={state.connection.state === 'connected'}
      />
      <MessageLog chat={chat} ui={ui} text={text} language={language} />
      <Composer chat={chat} ui={ui} text={text} />
    </main>
  );
}
