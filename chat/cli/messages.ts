// Japanese and English texts of the terminal chat client: help, usage errors and the lines it
// prints for messages, the user list and the outbox. Connection texts shared with the browser
// client live in shared/chat-client.messages.ts.

import { defineCatalogue, pick, type Language } from '../../shared/i18n.ts';

export const cliMessages = defineCatalogue({
  en: {
    usage:
      'Usage: npm run chat:cli -- --name NAME [--url ws://127.0.0.1:3000/chat] [--timeout SECONDS] [--lang ja|en]',
    helpIntro:
      'Terminal chat client: prints chat events as lines and sends each line you type. Piped input is sent, then the client exits once every message is confirmed.',
    helpName: 'Your username (at most 20 characters; required).',
    helpUrl: 'WebSocket URL of the chat server (default ws://127.0.0.1:3000/chat).',
    helpTimeout: (seconds: number) =>
      `With piped input: seconds to wait, after the input ends, for the server to confirm every message; then exit 1 (default ${seconds}).`,
    helpLang: 'Language of the client: ja or en (default: from LC_ALL, LC_MESSAGES or LANG).',
    helpCommands: 'Commands: /who lists who is online, /quit leaves.',
    helpHelp: 'Show this help and exit.',
    errorPrefix: 'loopchat chat:cli: ',
    missingName: 'missing --name; give your username, e.g. --name alice',
    invalidName: (name: string, reason: string) => `invalid --name "${name}": ${reason}`,
    invalidUrl: (url: string) =>
      `invalid --url "${url}": use a WebSocket URL such as ws://127.0.0.1:3000/chat`,
    invalidTimeout: (value: string, maxSeconds: number) =>
      `invalid --timeout "${value}": give seconds as a number above 0 and at most ${maxSeconds}, e.g. --timeout 10`,
    whoHeader: (count: number) => `Online (${count}):`,
    whoTruncated: 'The list is cut at 200 names.',
    queuedOffline: (count: number) => `Queued while offline: ${count} message(s) waiting`,
    rejectedExit: 'Change the name or the URL and start again.',
    pendingAtQuit: (count: number) => `Quit with ${count} message(s) not delivered.`,
    heldByServer: 'Not sent yet: the server cannot broadcast right now; retrying.',
    deliveryTimedOut: (count: number, seconds: number) =>
      `Timed out after ${seconds} s waiting for the server: ${count} message(s) not delivered. Check that the chat server runs at --url.`,
    unknownCommand: (command: string) => `Unknown command ${command}; use /who or /quit`,
  },
  ja: {
    usage:
      '使い方: npm run chat:cli -- --name NAME [--url ws://127.0.0.1:3000/chat] [--timeout SECONDS] [--lang ja|en]',
    helpIntro:
      'ターミナル用のチャットクライアントです。チャットのイベントを 1 行ずつ表示し、入力した各行を送信します。パイプで渡した入力は送信され、すべてのメッセージが確認されると終了します。',
    helpName: 'ユーザー名（20 文字まで、必須）。',
    helpUrl: 'チャットサーバーの WebSocket URL（既定値 ws://127.0.0.1:3000/chat）。',
    helpTimeout: (seconds: number) =>
      `パイプで入力したとき、入力が終わってから、すべてのメッセージがサーバーに確認されるまで待つ秒数です。過ぎると終了コード 1 で終了します（既定値 ${seconds}）。`,
    helpLang:
      'クライアントの言語: ja または en（既定値は LC_ALL、LC_MESSAGES、LANG から決めます）。',
    helpCommands: 'コマンド: /who で接続中のユーザーを表示し、/quit で退室します。',
    helpHelp: 'このヘルプを表示して終了します。',
    errorPrefix: 'loopchat chat:cli: ',
    missingName: '--name がありません。ユーザー名を指定してください（例: --name alice）',
    invalidName: (name: string, reason: string) => `--name "${name}" は使えません: ${reason}`,
    invalidUrl: (url: string) =>
      `--url "${url}" は不正です。ws://127.0.0.1:3000/chat のような WebSocket URL を指定してください`,
    invalidTimeout: (value: string, maxSeconds: number) =>
      `--timeout "${value}" は不正です。0 より大きく ${maxSeconds} 以下の秒数を指定してください（例: --timeout 10）`,
    whoHeader: (count: number) => `接続中（${count} 人）:`,
    whoTruncated: '一覧は 200 人で打ち切られています。',
    queuedOffline: (count: number) => `オフラインのため ${count} 件のメッセージが送信待ちです`,
    rejectedExit: '名前か URL を変えて、もう一度起動してください。',
    pendingAtQuit: (count: number) => `${count} 件のメッセージを届けないまま終了しました。`,
    heldByServer:
      'まだ送信していません。サーバーが今はメッセージを配信できないため、再試行します。',
    deliveryTimedOut: (count: number, seconds: number) =>
      `サーバーを ${seconds} 秒待ちましたが応答がありません。${count} 件のメッセージは届いていません。--url のチャットサーバーが動いているか確認してください。`,
    unknownCommand: (command: string) =>
      `不明なコマンド ${command} です。/who か /quit を使ってください`,
  },
});

export type CliMessages = (typeof cliMessages)['en'];

export function cliMessagesFor(language: Language): CliMessages {
  return pick(cliMessages, language);
}
