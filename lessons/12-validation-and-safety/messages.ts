// Output of lesson 12 in English and Japanese. Server answers (HTTP status, error code, close
// code) print as the server sent them; the error texts follow Accept-Language.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string) => `chat server listening on ${url} (default limits)`,
    caseHeading: (number: number, description: string) => `case ${number}: ${description}`,
    accepted: '(accepted)',
    part1: 'Part 1: checks before the upgrade (username, Origin)',
    nameTooLong: (graphemes: number) => `username "abcdefghijklmnopqrstu" (${graphemes} graphemes)`,
    nameBidi:
      'username "\\u202Eecila": a right-to-left override that makes "ecila" display as "alice"',
    nameInvisible: 'username "\\u200B\\u200B\\u200B": three zero-width spaces and nothing else',
    nameEmoji: (codeUnits: number, bytes: number) =>
      `username of 20 × "😀": 20 graphemes, ${codeUnits} UTF-16 code units, ${bytes} bytes of UTF-8`,
    foreignOrigin: (origin: string) => `upgrade with Origin: ${origin} (another site)`,
    ownOrigin: (origin: string) => `upgrade with Origin: ${origin} (the server's own page)`,
    part2: 'Part 2: frames on an open connection (tester speaks v1, watcher speaks plain)',
    emptyMessage: 'a message of three spaces (empty after trimming)',
    longMessage: (graphemes: number, max: number) =>
      `a message of ${graphemes} graphemes (the limit is ${max})`,
    binaryFrame: 'a binary frame',
    malformedV1: 'broken JSON from a v1 client',
    malformedPlain: 'the same broken JSON from a plain client',
    htmlPayload: 'an HTML payload as a chat message',
    unchanged: (same: boolean) =>
      `  the watcher received exactly the text tester sent: ${same ? 'yes' : 'no'}`,
    escapedOnce: (text: string) => `  had the server escaped it, clients would receive: ${text}`,
    escapedTwice: (text: string) =>
      `  and a client that escapes at render time, as it must, would show: ${text}`,
    part3: 'Part 3: frames that end the connection',
    bigFrame: (bytes: number, max: number) =>
      `a text frame of ${bytes} bytes (the frame limit maxPayload is ${max} bytes)`,
    invalidUtf8: 'a text frame that is not valid UTF-8 (68 69 ff)',
    flood: (count: number) => `${count} messages sent at once (flooding)`,
    floodAccepted: (count: number) => `  → ${count} accepted and broadcast (the bucket was full)`,
    floodRejected: (count: number) => `  → ${count} rejected with RATE_LIMITED`,
    floodSample: (frame: string) => `the first one: ${frame}`,
    floodUnanswered: (count: number) =>
      `  → the other ${count} got no reply, because the server closed the connection`,
    serverStopped: 'chat server stopped; nothing is left open, so the process exits by itself',
  },
  ja: {
    listening: (url: string) =>
      `チャットサーバーが ${url} で待ち受けています（上限はすべて既定値です）`,
    caseHeading: (number: number, description: string) => `ケース ${number}: ${description}`,
    accepted: '（受け入れられました）',
    part1: '第 1 部: アップグレード前のチェック（ユーザー名、Origin）',
    nameTooLong: (graphemes: number) => `ユーザー名 "abcdefghijklmnopqrstu"（${graphemes} 書記素）`,
    nameBidi:
      'ユーザー名 "\\u202Eecila"。右から左への上書き（override）で "ecila" が "alice" と表示されます',
    nameInvisible: 'ユーザー名 "\\u200B\\u200B\\u200B"。ゼロ幅スペース 3 つだけです',
    nameEmoji: (codeUnits: number, bytes: number) =>
      `"😀" 20 個のユーザー名。20 書記素、UTF-16 で ${codeUnits} コードユニット、UTF-8 で ${bytes} バイトです`,
    foreignOrigin: (origin: string) => `Origin: ${origin}（別のサイト）でのアップグレード`,
    ownOrigin: (origin: string) => `Origin: ${origin}（サーバー自身のページ）でのアップグレード`,
    part2: '第 2 部: 開いた接続の上のフレーム（tester は v1、watcher は plain で話します）',
    emptyMessage: '空白 3 つのメッセージ（trim すると空）',
    longMessage: (graphemes: number, max: number) =>
      `${graphemes} 書記素のメッセージ（上限は ${max}）`,
    binaryFrame: 'バイナリフレーム',
    malformedV1: 'v1 のクライアントからの壊れた JSON',
    malformedPlain: 'plain のクライアントからの同じ壊れた JSON',
    htmlPayload: 'HTML を含むチャットメッセージ',
    unchanged: (same: boolean) =>
      same
        ? '  watcher が受け取ったテキストは、tester が送ったテキストと一致しました'
        : '  watcher が受け取ったテキストは、tester が送ったテキストと一致しませんでした',
    escapedOnce: (text: string) =>
      `  サーバーがエスケープしていたら、クライアントに届くのは: ${text}`,
    escapedTwice: (text: string) =>
      `  表示のときに正しくエスケープするクライアントでは、こう表示されてしまいます: ${text}`,
    part3: '第 3 部: 接続を終わらせるフレーム',
    bigFrame: (bytes: number, max: number) =>
      `${bytes} バイトのテキストフレーム（フレームの上限 maxPayload は ${max} バイト）`,
    invalidUtf8: 'UTF-8 として正しくないテキストフレーム（68 69 ff）',
    flood: (count: number) => `${count} 件のメッセージを一度に送ります（大量送信）`,
    floodAccepted: (count: number) =>
      `  → ${count} 件は受け入れられ、ブロードキャストされました（バケットが満杯だったため）`,
    floodRejected: (count: number) => `  → ${count} 件は RATE_LIMITED で拒否されました`,
    floodSample: (frame: string) => `最初の 1 件: ${frame}`,
    floodUnanswered: (count: number) =>
      `  → 残りの ${count} 件には応答がありません。サーバーが接続を閉じたためです`,
    serverStopped:
      'チャットサーバーを停止しました。開いているものが残っていないので、プロセスは自然に終了します',
  },
});
