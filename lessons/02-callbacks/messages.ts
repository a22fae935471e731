// Output of lesson 02 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    greeting: 'hello from the local server',
    notFound: 'not found',
    listening: (origin: string, delayMs: number) =>
      `server: listening on ${origin}, GET /greeting responds after ${delayMs} ms`,
    callbackHeading: '1) a callback runs later',
    getReturned: (url: string) =>
      `http.get(${url}, callback) returned at once: the request is on its way`,
    afterGet: 'the line after http.get runs next: the callback has not run yet',
    responseCallback: (status: number | undefined, body: string, elapsed: string) =>
      `callback: status ${status}, body "${body}" (${elapsed} after http.get)`,
    requestFailed: (url: string, code: string) =>
      `request to ${url} failed: ${code}. The lesson stops here`,
    stepFailed: (message: string) => `failed: ${message}. The lesson stops here`,
    errorFirstHeading: '2) error-first callbacks: callback(error, result)',
    readStarted: (file: string) => `readFile("${file}", callback) started`,
    readFailed: (code: string | undefined) =>
      `callback(error): ${code}. The error comes first, so check it before you use the result`,
    readSucceeded: (title: string) => `callback(null, text): lesson.json read, title "${title}"`,
    promiseHeading: '3) the same work with Promises: await, and try/catch for errors',
    fetched: (status: number, body: string) => `await fetch(): status ${status}, body "${body}"`,
    readRejected: (file: string, code: string | undefined) =>
      `await readFile("${file}") rejected with ${code}: try/catch caught it`,
    readResolved: (title: string) => `await readFile("lesson.json"): title "${title}"`,
    serverClosed: 'server closed: nothing is left to wait for, so the process exits',
  },
  ja: {
    greeting: 'hello from the local server',
    notFound: 'not found',
    listening: (origin: string, delayMs: number) =>
      `サーバー: ${origin} で待ち受けています。GET /greeting には ${delayMs} ms 後に応答します`,
    callbackHeading: '1) コールバックは後で動きます',
    getReturned: (url: string) =>
      `http.get(${url}, callback) はすぐに戻りました。リクエストは送信中です`,
    afterGet: 'http.get の次の行が先に動きます。コールバックはまだ動いていません',
    responseCallback: (status: number | undefined, body: string, elapsed: string) =>
      `コールバック: ステータス ${status}、本文 "${body}"（http.get から ${elapsed} 後）`,
    requestFailed: (url: string, code: string) =>
      `${url} へのリクエストに失敗しました: ${code}。レッスンはここで終わります`,
    stepFailed: (message: string) => `失敗しました: ${message}。レッスンはここで終わります`,
    errorFirstHeading: '2) エラーファーストのコールバック: callback(error, result)',
    readStarted: (file: string) => `readFile("${file}", callback) を始めました`,
    readFailed: (code: string | undefined) =>
      `callback(error): ${code}。エラーが最初の引数なので、結果を使う前にエラーを確かめます`,
    readSucceeded: (title: string) =>
      `callback(null, text): lesson.json を読みました。タイトルは "${title}" です`,
    promiseHeading: '3) 同じ処理を Promise で: await で待ち、エラーは try/catch で受けます',
    fetched: (status: number, body: string) =>
      `await fetch(): ステータス ${status}、本文 "${body}"`,
    readRejected: (file: string, code: string | undefined) =>
      `await readFile("${file}") は ${code} で拒否（reject）され、try/catch が受け取りました`,
    readResolved: (title: string) => `await readFile("lesson.json"): タイトルは "${title}" です`,
    serverClosed: 'サーバーを閉じました。待つものがなくなったので、プロセスは終了します',
  },
});
