// Failure messages of the exercise 13 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    encodedPerSocket: (calls: number, open: number) =>
      `encode ran ${calls} times for one broadcast to ${open} open sockets: encode the event once, before the loop`,
    sentString: (socket: number) =>
      `socket #${socket} was given a string, which ws converts to UTF-8 again for every socket: send one Buffer made with Buffer.from`,
    differentBuffers: (socket: number) =>
      `socket #${socket} was given a different Buffer than socket #1: convert the text once and send the same Buffer to every socket`,
    sentToClosed: (socket: number, state: number) =>
      `broadcastEvent sent to socket #${socket}, whose readyState is ${state}: send only to OPEN sockets`,
    binaryFrame: (socket: number) =>
      `client #${socket} received a binary frame: pass { binary: false } so a Buffer goes out as a text frame`,
    wrongFrames: (socket: number, count: number) =>
      `client #${socket} received ${count} frames for one broadcast, expected 1`,
    wrongText: (socket: number, actual: string, expected: string) =>
      `client #${socket} received ${actual}, expected ${expected}`,
    wrongCount: (actual: string, expected: number) =>
      `broadcastEvent returned ${actual}, expected ${expected} (the number of open sockets)`,
  },
  ja: {
    encodedPerSocket: (calls: number, open: number) =>
      `開いている ${open} 個のソケットへの 1 回のブロードキャストで、encode が ${calls} 回呼ばれました。ループの前にイベントを 1 回だけエンコードしてください`,
    sentString: (socket: number) =>
      `ソケット #${socket} に文字列が渡されました。ws はソケットごとに文字列を UTF-8 に変換し直します。Buffer.from で作った 1 つの Buffer を送ってください`,
    differentBuffers: (socket: number) =>
      `ソケット #${socket} に渡された Buffer がソケット #1 のものと違います。テキストは 1 回だけ変換し、同じ Buffer をすべてのソケットに送ってください`,
    sentToClosed: (socket: number, state: number) =>
      `broadcastEvent が readyState ${state} のソケット #${socket} に送りました。OPEN のソケットにだけ送ってください`,
    binaryFrame: (socket: number) =>
      `クライアント #${socket} がバイナリフレームを受け取りました。{ binary: false } を渡して、Buffer をテキストフレームとして送ってください`,
    wrongFrames: (socket: number, count: number) =>
      `クライアント #${socket} が 1 回のブロードキャストで ${count} 個のフレームを受け取りました。期待値は 1 個です`,
    wrongText: (socket: number, actual: string, expected: string) =>
      `クライアント #${socket} が ${actual} を受け取りましたが、期待値は ${expected} です`,
    wrongCount: (actual: string, expected: number) =>
      `broadcastEvent が ${actual} を返しましたが、期待値は ${expected}（開いているソケットの数）です`,
  },
});
