// Failure messages of the exercise 06 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongResponse: (request: string, situation: string, actual: string, expected: string) =>
      `${request} ${situation}: the response was ${actual}, expected ${expected}`,
    respondedAtOnce: (request: string, actual: string) =>
      `${request} with no news responded at once with ${actual}: keep the response open until a publish or the timeout`,
    neverSubscribed: (request: string, actual: string) =>
      `${request} with no news responded ${actual} without subscribing to the feed: call feed.subscribe to hear about the next publish`,
    noResponse: (request: string, seconds: number) =>
      `${request} got no response and did not subscribe to the feed within ${seconds} s`,
    listenerLeft: (request: string, count: number, situation: string) =>
      `after ${request} ${situation}, ${count} feed listener(s) were still subscribed: call the function that subscribe returned`,
    listenerLeftAfterClose: (request: string, count: number) =>
      `after the client cancelled ${request}, ${count} feed listener(s) were still subscribed: listen for the response's 'close' event and stop waiting there too`,
    lateWrite: (request: string, situation: string) =>
      `after ${request} ${situation}, the handler wrote to the response again when the timeout passed: clear the timer`,
    situationNews: 'found news waiting',
    situationPublish: 'received a publish',
    situationTimeout: 'timed out',
    situationClientLeft: 'was cancelled by the client',
    emptyBody: '(no body)',
  },
  ja: {
    wrongResponse: (request: string, situation: string, actual: string, expected: string) =>
      `${request} が${situation}とき、レスポンスは ${actual} でしたが、期待値は ${expected} です`,
    respondedAtOnce: (request: string, actual: string) =>
      `新着のない ${request} に、すぐ ${actual} を返しました。publish かタイムアウトまでレスポンスを開いたままにしてください`,
    neverSubscribed: (request: string, actual: string) =>
      `新着のない ${request} に、フィードを購読しないまま ${actual} を返しました。次の publish を知るには feed.subscribe を呼んでください`,
    noResponse: (request: string, seconds: number) =>
      `${request} は ${seconds} 秒以内にレスポンスを受け取らず、フィードの購読もされませんでした`,
    listenerLeft: (request: string, count: number, situation: string) =>
      `${request} が${situation}後も、フィードのリスナーが ${count} 個残っていました。subscribe が返した関数を呼んでください`,
    listenerLeftAfterClose: (request: string, count: number) =>
      `クライアントが ${request} を取り消した後も、フィードのリスナーが ${count} 個残っていました。レスポンスの 'close' イベントを受け取り、そこでも待つのをやめてください`,
    lateWrite: (request: string, situation: string) =>
      `${request} が${situation}後、タイムアウトの時刻にハンドラーがレスポンスにもう一度書き込みました。タイマーを止めてください`,
    situationNews: '新着を見つけた',
    situationPublish: '新しい publish を受け取った',
    situationTimeout: 'タイムアウトした',
    situationClientLeft: 'クライアントに取り消された',
    emptyBody: '（本文なし）',
  },
});
