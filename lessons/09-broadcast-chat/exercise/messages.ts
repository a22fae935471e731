// Failure messages of the exercise 09 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    sentToClosed: (name: string, state: string) =>
      `broadcast sent to client ${name}, whose readyState is ${state}: send only to OPEN clients`,
    missedOpen: (name: string) => `broadcast did not send to client ${name}, which is OPEN`,
    wrongData: (name: string, actual: string, expected: string) =>
      `client ${name} received ${actual}, expected ${expected}`,
    wrongCount: (actual: string, expected: number) =>
      `broadcast returned ${actual}, but it sent to ${expected} open clients: return that count`,
  },
  ja: {
    sentToClosed: (name: string, state: string) =>
      `broadcast が readyState ${state} のクライアント ${name} に送りました。OPEN のクライアントにだけ送ってください`,
    missedOpen: (name: string) => `broadcast が OPEN のクライアント ${name} に送りませんでした`,
    wrongData: (name: string, actual: string, expected: string) =>
      `クライアント ${name} が受け取ったのは ${actual} ですが、期待値は ${expected} です`,
    wrongCount: (actual: string, expected: number) =>
      `broadcast は ${actual} を返しましたが、OPEN のクライアント ${expected} 個に送っています。その数を返してください`,
  },
});
