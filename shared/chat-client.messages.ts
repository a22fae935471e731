// Japanese and English texts that both chat clients (browser and terminal) show for the events of
// the shared reconnecting client: connection states, disconnect reasons, rejections, presence,
// server errors and failed sends. Browser-safe.

import { defineCatalogue, pick, type Language } from './i18n.ts';
import type { DisconnectReason, PresenceChange } from './chat-client.ts';

export const chatClientMessages = defineCatalogue({
  en: {
    stateConnecting: 'Connecting…',
    stateConnected: (username: string) => `Connected as ${username}`,
    stateReconnecting: (seconds: number, reason: string) =>
      `Disconnected (${reason}). Reconnecting in ${seconds} s…`,
    stateRetrying: (seconds: number, reason: string) =>
      `Not connected (${reason}). Retrying in ${seconds} s…`,
    stateRejected: (reason: string) => `Cannot join: ${reason}`,
    stateClosed: 'Disconnected',
    reconnectNow: 'Reconnect now',
    reasonConnectFailed: 'the server cannot be reached',
    reasonConnectTimeout: 'the connection attempt timed out',
    reasonHeartbeatTimeout: 'the connection went silent',
    reasonGoingAway: 'the server is shutting down or restarting',
    reasonHistoryReset: 'the chat history was reset',
    reasonPolicyViolation: 'too many messages were sent too fast; waiting longer before rejoining',
    reasonMessageTooBig: 'a message was larger than the server accepts',
    reasonSlowConsumer: 'this client was reading too slowly',
    reasonServerClosed: 'the server closed the connection',
    rejectUsernameTooLong: (max: number) => `the name is longer than ${max} characters`,
    rejectUsernameInvalidCharacters: 'the name contains control or text-direction characters',
    rejectUsernameInvisible: 'the name has no visible characters',
    rejectOriginNotAllowed: 'this page is not allowed to connect to the chat server',
    rejectOther: (code: string) => `the server rejected the connection (${code})`,
    joined: (username: string, count: number) => `${username} joined (${count} online)`,
    left: (username: string, count: number) => `${username} left (${count} online)`,
    presenceSummary: (joinedCount: number, leftCount: number, count: number) =>
      `${joinedCount} joined and ${leftCount} left (${count} online)`,
    online: (count: number) => `${count} online`,
    historyEpochChanged:
      'The server was restarted and its history was reset; earlier messages may be missing.',
    historyTrimmed: (lost: number) =>
      `${lost} messages sent while you were away are no longer available.`,
    errorMessageEmpty: 'The message is empty.',
    errorMessageTooLong: (max: number) => `The message is longer than ${max} characters.`,
    errorMessageTooBig: 'The message is larger than the server accepts, so it was not sent.',
    errorRateLimited: (seconds: number) =>
      `You are sending too fast. Your message will be sent again in ${seconds} s.`,
    errorInternal: 'The server failed to handle a message. It will be sent again.',
    errorOther: (code: string, message: string) => `Server error ${code}: ${message}`,
    sendFailed: (reason: string) => `Not sent: ${reason}`,
    ownMarker: 'you',
  },
  ja: {
    stateConnecting: '接続しています…',
    stateConnected: (username: string) => `${username} として接続しました`,
    stateReconnecting: (seconds: number, reason: string) =>
      `切断されました（${reason}）。${seconds} 秒後に再接続します…`,
    stateRetrying: (seconds: number, reason: string) =>
      `未接続です（${reason}）。${seconds} 秒後に再試行します…`,
    stateRejected: (reason: string) => `参加できません: ${reason}`,
    stateClosed: '切断しました',
    reconnectNow: '今すぐ再接続',
    reasonConnectFailed: 'サーバーに接続できません',
    reasonConnectTimeout: '接続がタイムアウトしました',
    reasonHeartbeatTimeout: '接続が応答しなくなりました',
    reasonGoingAway: 'サーバーが停止または再起動しています',
    reasonHistoryReset: 'チャットの履歴がリセットされました',
    reasonPolicyViolation: '短時間に送信しすぎました。しばらく待ってから再接続します',
    reasonMessageTooBig: 'サーバーが受け付けない大きさのメッセージがありました',
    reasonSlowConsumer: 'このクライアントの受信が遅すぎました',
    reasonServerClosed: 'サーバーが接続を閉じました',
    rejectUsernameTooLong: (max: number) => `名前が ${max} 文字を超えています`,
    rejectUsernameInvalidCharacters: '名前に制御文字または文字方向の制御文字が含まれています',
    rejectUsernameInvisible: '名前に見える文字がありません',
    rejectOriginNotAllowed: 'このページからはチャットサーバーに接続できません',
    rejectOther: (code: string) => `サーバーが接続を拒否しました（${code}）`,
    joined: (username: string, count: number) =>
      `${username} さんが参加しました（${count} 人が接続中）`,
    left: (username: string, count: number) =>
      `${username} さんが退室しました（${count} 人が接続中）`,
    presenceSummary: (joinedCount: number, leftCount: number, count: number) =>
      `${joinedCount} 人が参加し、${leftCount} 人が退室しました（${count} 人が接続中）`,
    online: (count: number) => `${count} 人が接続中`,
    historyEpochChanged:
      'サーバーが再起動し、履歴がリセットされました。それ以前のメッセージは表示されないことがあります。',
    historyTrimmed: (lost: number) =>
      `離れている間に送られた ${lost} 件のメッセージは、もう取得できません。`,
    errorMessageEmpty: 'メッセージが空です。',
    errorMessageTooLong: (max: number) => `メッセージが ${max} 文字を超えています。`,
    errorMessageTooBig:
      'メッセージがサーバーの受け付ける大きさを超えているため、送信しませんでした。',
    errorRateLimited: (seconds: number) =>
      `送信が速すぎます。${seconds} 秒後にメッセージを再送します。`,
    errorInternal: 'サーバーがメッセージを処理できませんでした。再送します。',
    errorOther: (code: string, message: string) => `サーバーエラー ${code}: ${message}`,
    sendFailed: (reason: string) => `送信できませんでした: ${reason}`,
    ownMarker: 'あなた',
  },
});

export type ChatClientMessages = (typeof chatClientMessages)['en'];

/** Returns the chat client texts in one language. */
export function chatClientMessagesFor(language: Language): ChatClientMessages {
  return pick(chatClientMessages, language);
}

/**
 * Returns the status line while the client waits to reconnect. After a failed attempt nothing
 * was disconnected, so the line reports that the connection could not be made.
 */
export function describeReconnecting(
  text: ChatClientMessages,
  reason: DisconnectReason,
  seconds: number,
): string {
  const because = describeDisconnect(text, reason);
  return reason === 'connect-failed' || reason === 'connect-timeout'
    ? text.stateRetrying(seconds, because)
    : text.stateReconnecting(seconds, because);
}

/** Returns the text for why a connection ended. */
export function describeDisconnect(text: ChatClientMessages, reason: DisconnectReason): string {
  switch (reason) {
    case 'connect-failed':
      return text.reasonConnectFailed;
    case 'connect-timeout':
      return text.reasonConnectTimeout;
    case 'heartbeat-timeout':
      return text.reasonHeartbeatTimeout;
    case 'going-away':
      return text.reasonGoingAway;
    case 'history-reset':
      return text.reasonHistoryReset;
    case 'policy-violation':
      return text.reasonPolicyViolation;
    case 'message-too-big':
      return text.reasonMessageTooBig;
    case 'slow-consumer':
      return text.reasonSlowConsumer;
    case 'server-closed':
      return text.reasonServerClosed;
  }
}

/** Returns the text for a rejected handshake, by its error code. */
export function describeRejection(
  text: ChatClientMessages,
  code: string,
  maxUsername: number,
): string {
  switch (code) {
    case 'USERNAME_TOO_LONG':
      return text.rejectUsernameTooLong(maxUsername);
    case 'USERNAME_INVALID_CHARACTERS':
      return text.rejectUsernameInvalidCharacters;
    case 'USERNAME_INVISIBLE':
      return text.rejectUsernameInvisible;
    case 'ORIGIN_NOT_ALLOWED':
      return text.rejectOriginNotAllowed;
    default:
      return text.rejectOther(code);
  }
}

/**
 * Returns the text for an `error` event or a failed send, by its code. `max` is the message
 * limit in graphemes from `welcome`.
 */
export function describeError(
  text: ChatClientMessages,
  error: { code: string; message?: string; retryAfterMs?: number },
  max: number,
): string {
  switch (error.code) {
    case 'MESSAGE_EMPTY':
      return text.errorMessageEmpty;
    case 'MESSAGE_TOO_LONG':
      return text.errorMessageTooLong(max);
    case 'MESSAGE_TOO_BIG':
      return text.errorMessageTooBig;
    case 'RATE_LIMITED':
      return text.errorRateLimited(Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
    case 'INTERNAL_ERROR':
      return text.errorInternal;
    default:
      return text.errorOther(error.code, error.message ?? '');
  }
}

/** Returns the notice for a join, a leave or a presence summary. */
export function describePresence(text: ChatClientMessages, change: PresenceChange): string {
  switch (change.kind) {
    case 'join':
      return text.joined(change.username, change.count);
    case 'leave':
      return text.left(change.username, change.count);
    case 'summary':
      return text.presenceSummary(change.joinedCount, change.leftCount, change.count);
  }
}
