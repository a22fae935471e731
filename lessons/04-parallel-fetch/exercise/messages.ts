// Failure messages of the lesson 04 exercise checks, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    notParallel: (max: number, count: number) =>
      `at most ${max} of the ${count} requests were in flight at once: start every request before waiting for any response`,
    wrongBodies: (actual: string, expected: string) =>
      `the result was ${actual}, expected ${expected} (one body per URL, in the order of the URLs)`,
    doneTooEarly: (count: number) =>
      `done was called before every response had ended (${count} of them had): call it from the last 'end' event`,
    doneTwice: (count: number) => `done was called ${count} times: call it exactly once`,
    doneWithError: (detail: string) => `done was called with an error: ${detail}`,
    doneNever: 'done was never called after all responses had ended',
  },
  ja: {
    notParallel: (max: number, count: number) =>
      `${count} 件のリクエストのうち、同時に送信中だったのは最大 ${max} 件でした。どのレスポンスも待つ前に、すべてのリクエストを開始してください`,
    wrongBodies: (actual: string, expected: string) =>
      `結果は ${actual} でしたが、期待値は ${expected} です（URL ごとに 1 つの本文を、URL の順に）`,
    doneTooEarly: (count: number) =>
      `すべてのレスポンスが終わる前に done が呼ばれました（終わっていたのは ${count} 件）。最後の 'end' イベントから呼んでください`,
    doneTwice: (count: number) =>
      `done が ${count} 回呼ばれました。ちょうど 1 回だけ呼んでください`,
    doneWithError: (detail: string) => `done がエラー付きで呼ばれました: ${detail}`,
    doneNever: 'すべてのレスポンスが終わった後も done が呼ばれませんでした',
  },
});
