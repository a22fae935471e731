// Failure messages of the exercise 08 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    noEcho: (index: number, sample: string) =>
      `message ${index} (${sample}) never came back: the connection closed first. Call socket.send in the message handler`,
    wrongType: (index: number, sample: string, got: string, expected: string) =>
      `message ${index} (${sample}) came back as ${got}, expected ${expected}: pass { binary: isBinary } to send`,
    wrongData: (index: number, sample: string) =>
      `message ${index} (${sample}) came back changed: send the data exactly as it arrived`,
    extraMessage: (count: number, expected: number) =>
      `the client received ${count} messages for the ${expected} it sent: send each echo once`,
    text: 'text',
    binary: 'binary',
    bytes: (count: number) => `${count} bytes`,
    closedEarly: (code: number) =>
      `the server closed the connection with code ${code} before echoing: keep it open`,
    noClose: (seconds: number) => `the connection did not close within ${seconds} s`,
  },
  ja: {
    noEcho: (index: number, sample: string) =>
      `メッセージ ${index}（${sample}）が返ってこないまま接続が閉じました。message のハンドラーで socket.send を呼んでください`,
    wrongType: (index: number, sample: string, got: string, expected: string) =>
      `メッセージ ${index}（${sample}）が ${got} で返ってきましたが、期待は ${expected} です。send に { binary: isBinary } を渡してください`,
    wrongData: (index: number, sample: string) =>
      `メッセージ ${index}（${sample}）の中身が変わって返ってきました。受け取ったデータをそのまま送ってください`,
    extraMessage: (count: number, expected: number) =>
      `クライアントは ${expected} 件送って ${count} 件受け取りました。エコーは 1 回だけ送ってください`,
    text: 'テキスト',
    binary: 'バイナリ',
    bytes: (count: number) => `${count} バイト`,
    closedEarly: (code: number) =>
      `サーバーがエコーの前にコード ${code} で接続を閉じました。接続は開いたままにしてください`,
    noClose: (seconds: number) => `接続が ${seconds} 秒以内に閉じませんでした`,
  },
});
