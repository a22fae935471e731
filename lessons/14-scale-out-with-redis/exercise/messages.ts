// Failure messages of the exercise 14 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongMessages: (
      lastSeq: number,
      seq: number,
      history: string,
      actual: string,
      expected: string,
    ) =>
      `after seq ${lastSeq}, message seq ${seq} arrived (stored history ${history}): messagesToDeliver returned ${actual}, expected ${expected}`,
    needlessRead: (lastSeq: number, seq: number) =>
      `after seq ${lastSeq}, message seq ${seq} arrived and messagesToDeliver called readHistory: read the history only after a gap, because each read is a round trip to Redis`,
    readTwice: (lastSeq: number, seq: number, count: number) =>
      `after seq ${lastSeq}, message seq ${seq} arrived and messagesToDeliver called readHistory ${count} times: once is enough`,
    wrongStream: (arrivals: number, actual: string, expected: string) =>
      `after ${arrivals} pub/sub arrivals with drops, duplicates and swaps, the node delivered ${actual}, expected ${expected}`,
    emptyHistory: '(empty)',
  },
  ja: {
    wrongMessages: (
      lastSeq: number,
      seq: number,
      history: string,
      actual: string,
      expected: string,
    ) =>
      `seq ${lastSeq} の後に seq ${seq} のメッセージが届いたとき（保存された履歴 ${history}）、messagesToDeliver が ${actual} を返しましたが、期待値は ${expected} です`,
    needlessRead: (lastSeq: number, seq: number) =>
      `seq ${lastSeq} の後に seq ${seq} のメッセージが届いたとき、messagesToDeliver が readHistory を呼びました。履歴を読むのは番号が飛んだときだけにしてください。読むたびに Redis への往復が発生します`,
    readTwice: (lastSeq: number, seq: number, count: number) =>
      `seq ${lastSeq} の後に seq ${seq} のメッセージが届いたとき、messagesToDeliver が readHistory を ${count} 回呼びました。1 回で足ります`,
    wrongStream: (arrivals: number, actual: string, expected: string) =>
      `欠落・重複・入れ替わりのある pub/sub の到着 ${arrivals} 件の後、ノードが配信したのは ${actual} でしたが、期待値は ${expected} です`,
    emptyHistory: '（空）',
  },
});
