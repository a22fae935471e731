// Output of lesson 04 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    post1Title: 'The event loop runs one callback at a time',
    post2Title: 'Timers fire late, never early',
    post3Title: 'Promise.all waits for the slowest',
    localApiListening: (origin: string, delays: string) =>
      `local JSON API: listening on ${origin} (${delays})`,
    postDelay: (id: number, delayMs: number) => `post ${id} after ${delayMs} ms`,
    listSeparator: ', ',
    remoteApi: (base: string) => `API: ${base} (given with --url)`,
    requestStarted: (url: string) => `GET ${url} started`,
    allInFlight: (count: number) =>
      `all ${count} requests are in flight: the event loop is free while they travel`,
    postArrived: (id: number, elapsed: string, title: string) =>
      `post ${id} arrived after ${elapsed}: "${title}"`,
    allResolved: (elapsed: string) =>
      `Promise.all resolved after ${elapsed}, with the posts in request order:`,
    resultLine: (id: number, title: string) => `  ${id}: "${title}"`,
    agentClosed: 'undici agent closed: its connections are gone',
    localApiClosed: 'local JSON API closed: nothing is left to wait for, so the process exits',
    invalidUrl: (value: string) =>
      `lesson: invalid --url "${value}": use an http:// or https:// base URL, e.g. --url https://jsonplaceholder.typicode.com`,
    requestFailed: (url: string, reason: string, base: string) =>
      `lesson: GET ${url} failed: ${reason}. Check that an API is reachable at ${base}, or leave out --url to use the local API`,
    httpStatus: (status: number) => `HTTP status ${status}`,
    invalidPost: 'the response is not a post with a "title" string',
  },
  ja: {
    post1Title: 'イベントループは一度に 1 つのコールバックを実行する',
    post2Title: 'タイマーは遅れることはあっても早まることはない',
    post3Title: 'Promise.all はいちばん遅いものを待つ',
    localApiListening: (origin: string, delays: string) =>
      `ローカル JSON API: ${origin} で待ち受けています（${delays}）`,
    postDelay: (id: number, delayMs: number) => `post ${id} は ${delayMs} ms 後`,
    listSeparator: '、',
    remoteApi: (base: string) => `API: ${base}（--url で指定）`,
    requestStarted: (url: string) => `GET ${url} を開始しました`,
    allInFlight: (count: number) =>
      `${count} つのリクエストがすべて送信中です。届くまでの間、イベントループは空いています`,
    postArrived: (id: number, elapsed: string, title: string) =>
      `post ${id} が ${elapsed} 後に届きました: 「${title}」`,
    allResolved: (elapsed: string) =>
      `Promise.all が ${elapsed} 後に解決しました。結果はリクエストの順に並んでいます:`,
    resultLine: (id: number, title: string) => `  ${id}: 「${title}」`,
    agentClosed: 'undici の Agent を閉じました。接続はすべて閉じられています',
    localApiClosed:
      'ローカル JSON API を閉じました。待つものがなくなったので、プロセスは終了します',
    invalidUrl: (value: string) =>
      `lesson: --url "${value}" は無効です。http:// か https:// で始まるベース URL を指定してください（例: --url https://jsonplaceholder.typicode.com）`,
    requestFailed: (url: string, reason: string, base: string) =>
      `lesson: GET ${url} に失敗しました: ${reason}。${base} に API があるか確かめるか、--url を外してローカル API を使ってください`,
    httpStatus: (status: number) => `HTTP ステータス ${status}`,
    invalidPost: 'レスポンスが "title" 文字列を持つ post ではありません',
  },
});
