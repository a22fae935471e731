// Output of lesson 07 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string) => `ws server listening on ${url}`,
    part1: 'Part 1: the accept key, computed for the sample key of RFC 6455',
    sampleKey: (key: string) => `Sec-WebSocket-Key:    ${key}`,
    sampleAccept: (accept: string) => `SHA-1(key + GUID), base64: ${accept}`,
    sampleExpected: (accept: string, matches: string) =>
      `RFC 6455 expects:          ${accept} (matches: ${matches})`,
    yes: 'yes',
    no: 'no',
    part2: 'Part 2: the opening handshake over a raw TCP connection',
    clientSends: 'client → server:',
    serverSends: 'server → client:',
    acceptCheck: (matches: string) =>
      `the server's Sec-WebSocket-Accept equals SHA-1(our key + GUID): ${matches}`,
    part3: 'Part 3: one text frame each way',
    clientFrame: (text: string, bytes: number) =>
      `client → server: text frame "${text}", ${bytes} bytes`,
    serverFrame: (bytes: number) => `server → client: frame of ${bytes} bytes`,
    byte0: (hex: string, fin: number, opcode: string, name: string) =>
      `byte 0: ${hex} → FIN ${fin}, opcode ${opcode} (${name})`,
    byte1: (hex: string, mask: number, length: number) =>
      `byte 1: ${hex} → MASK ${mask}, payload length ${length}${length >= 126 ? ' (extended length follows)' : ''}`,
    extendedLength: (range: string, length: number) =>
      `bytes ${range}: extended payload length ${length}`,
    maskingKey: (range: string, hex: string) =>
      `bytes ${range}: masking key, random for every frame: ${hex}`,
    maskedPayload: (range: string, hex: string) =>
      `bytes ${range}: payload XOR masking key: ${hex}`,
    payload: (range: string, hex: string) =>
      `bytes ${range}: payload, not masked (servers never mask): ${hex}`,
    payloadText: (text: string) => `payload as UTF-8 text: "${text}"`,
    payloadClose: (code: string, reason: string) =>
      reason === ''
        ? `payload as a close code: ${code}, no reason`
        : `payload as a close code and reason: ${code}, "${reason}"`,
    serverReceived: (text: string) => `server: received the text message "${text}"`,
    part4: 'Part 4: the close handshake',
    clientClose: (code: number, reason: string, bytes: number) =>
      `client → server: close frame, code ${code}, reason "${reason}", ${bytes} bytes`,
    tcpClosed: 'the server closed the TCP connection after its close frame',
    serverClosed: (code: number) => `server: the connection closed with code ${code}`,
    part5: 'Part 5: a broken frame on a new connection',
    handshakeDone: (status: string) => `handshake done: ${status}`,
    brokenFrame: (hex: string) =>
      `client → server: the same text frame without a mask: ${hex} (RFC 6455 requires clients to mask every frame)`,
    serverError: (message: string) => `server: error "${message}"`,
    tcpClosedAtOnce:
      'the server closed the TCP connection right after its close frame, without waiting for ours',
    serverClosedAbnormally: (code: number) =>
      `server: the connection closed with code ${code}: the server stopped reading after the error, so it never received a close frame`,
  },
  ja: {
    listening: (url: string) => `ws サーバーが ${url} で待ち受けています`,
    part1: '第 1 部: RFC 6455 のサンプルキーで accept キーを計算します',
    sampleKey: (key: string) => `Sec-WebSocket-Key:    ${key}`,
    sampleAccept: (accept: string) => `SHA-1(key + GUID), base64: ${accept}`,
    sampleExpected: (accept: string, matches: string) =>
      `RFC 6455 の期待値:         ${accept}（一致: ${matches}）`,
    yes: 'はい',
    no: 'いいえ',
    part2: '第 2 部: 生の TCP 接続でオープニングハンドシェイクを行います',
    clientSends: 'クライアント → サーバー:',
    serverSends: 'サーバー → クライアント:',
    acceptCheck: (matches: string) =>
      `サーバーの Sec-WebSocket-Accept は SHA-1(こちらのキー + GUID) と一致しますか: ${matches}`,
    part3: '第 3 部: テキストフレームを 1 つずつ送り合います',
    clientFrame: (text: string, bytes: number) =>
      `クライアント → サーバー: テキストフレーム "${text}"、${bytes} バイト`,
    serverFrame: (bytes: number) => `サーバー → クライアント: ${bytes} バイトのフレーム`,
    byte0: (hex: string, fin: number, opcode: string, name: string) =>
      `バイト 0: ${hex} → FIN ${fin}、opcode ${opcode}（${name}）`,
    byte1: (hex: string, mask: number, length: number) =>
      `バイト 1: ${hex} → MASK ${mask}、ペイロード長 ${length}${length >= 126 ? '（この後に拡張ペイロード長が続きます）' : ''}`,
    extendedLength: (range: string, length: number) =>
      `バイト ${range}: 拡張ペイロード長 ${length}`,
    maskingKey: (range: string, hex: string) =>
      `バイト ${range}: マスキングキー（フレームごとにランダム）: ${hex}`,
    maskedPayload: (range: string, hex: string) =>
      `バイト ${range}: ペイロード XOR マスキングキー: ${hex}`,
    payload: (range: string, hex: string) =>
      `バイト ${range}: ペイロード。マスクされていません（サーバーはマスクしません）: ${hex}`,
    payloadText: (text: string) => `ペイロードを UTF-8 テキストとして読むと: "${text}"`,
    payloadClose: (code: string, reason: string) =>
      reason === ''
        ? `ペイロードをクローズコードとして読むと: ${code}（理由なし）`
        : `ペイロードをクローズコードと理由として読むと: ${code}、"${reason}"`,
    serverReceived: (text: string) => `サーバー: テキストメッセージ "${text}" を受け取りました`,
    part4: '第 4 部: クローズハンドシェイク',
    clientClose: (code: number, reason: string, bytes: number) =>
      `クライアント → サーバー: クローズフレーム、コード ${code}、理由 "${reason}"、${bytes} バイト`,
    tcpClosed: 'サーバーはクローズフレームを送った後、TCP 接続を閉じました',
    serverClosed: (code: number) => `サーバー: 接続はコード ${code} で閉じました`,
    part5: '第 5 部: 新しい接続で壊れたフレームを送ります',
    handshakeDone: (status: string) => `ハンドシェイク完了: ${status}`,
    brokenFrame: (hex: string) =>
      `クライアント → サーバー: 同じテキストフレームをマスクなしで送ります: ${hex}（RFC 6455 では、クライアントはすべてのフレームをマスクしなければなりません）`,
    serverError: (message: string) => `サーバー: エラー "${message}"`,
    tcpClosedAtOnce:
      'サーバーはクローズフレームを送るとすぐに、こちらのクローズフレームを待たずに TCP 接続を閉じました',
    serverClosedAbnormally: (code: number) =>
      `サーバー: 接続はコード ${code} で閉じました。サーバーはエラーの後に読み込みをやめたので、クローズフレームを受け取っていません`,
  },
});
