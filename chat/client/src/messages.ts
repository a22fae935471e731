// Japanese and English texts of the browser chat client: labels, buttons, hints and statuses.
// Connection, presence and error texts shared with the terminal client live in
// shared/chat-client.messages.ts.

import { defineCatalogue, pick, type Language } from '../../../shared/i18n.ts';

export const uiMessages = defineCatalogue({
  en: {
    title: 'loopchat',
    languageSwitch: '日本語',
    languageSwitchLabel: 'Switch the language to Japanese',
    joinHeading: 'Join the chat',
    usernameLabel: 'Your name',
    usernameHint: (max: number) => `Up to ${max} characters.`,
    usernameMissing: 'Enter a name.',
    joinButton: 'Join',
    leaveButton: 'Leave',
    statusLabel: 'Connection status',
    usersHeading: (count: number) => `Online (${count})`,
    usersHeadingStale: (count: number) => `Online when last connected (${count})`,
    usersTruncated: 'Only the first 200 names are listed.',
    messagesLabel: 'Chat messages',
    emptyLog: 'No messages yet. Say hello!',
    messageLabel: 'Message',
    messagePlaceholder: 'Message (Enter to send)',
    messagePlaceholderOffline: 'Offline: sent on reconnect',
    sendButton: 'Send',
    queueButton: 'Queue',
    counterLabel: (count: number, max: number) => `${count} of ${max} characters`,
    pendingQueued: 'Waiting for the connection',
    pendingRateLimited: 'Waiting (rate limit)',
    pendingServerUnavailable: 'Waiting for the server to accept messages again',
    pendingSent: 'Sending…',
    dismiss: 'Dismiss',
    ownLabel: '(you)',
    newMessages: 'New messages below',
  },
  ja: {
    title: 'loopchat',
    languageSwitch: 'English',
    languageSwitchLabel: '表示言語を英語に切り替えます',
    joinHeading: 'チャットに参加',
    usernameLabel: 'あなたの名前',
    usernameHint: (max: number) => `${max} 文字まで入力できます。`,
    usernameMissing: '名前を入力してください。',
    joinButton: '参加',
    leaveButton: '退室',
    statusLabel: '接続状態',
    usersHeading: (count: number) => `接続中（${count} 人）`,
    usersHeadingStale: (count: number) => `最後に接続していたときの参加者（${count} 人）`,
    usersTruncated: '先頭の 200 人だけを表示しています。',
    messagesLabel: 'チャットのメッセージ',
    emptyLog: 'まだメッセージはありません。あいさつしてみましょう。',
    messageLabel: 'メッセージ',
    messagePlaceholder: 'メッセージ（Enter で送信）',
    messagePlaceholderOffline: 'オフライン（再接続後に送信）',
    sendButton: '送信',
    queueButton: '送信予約',
    counterLabel: (count: number, max: number) => `${max} 文字中 ${count} 文字`,
    pendingQueued: '接続を待っています',
    pendingRateLimited: '送信の間隔制限のため待っています',
    pendingServerUnavailable: 'サーバーがメッセージを受け付けられるようになるのを待っています',
    pendingSent: '送信中…',
    dismiss: '閉じる',
    ownLabel: '（あなた）',
    newMessages: '新しいメッセージがあります',
  },
});

export type UiMessages = (typeof uiMessages)['en'];

export function uiMessagesFor(language: Language): UiMessages {
  return pick(uiMessages, language);
}
