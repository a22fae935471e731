// Failure messages of the exercise 10 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongName: (
      step: number,
      online: string,
      requested: string,
      actual: string,
      expected: string,
    ) =>
      `step ${step}: with names ${online}, join(${requested}) returned ${actual}, expected ${expected}`,
    wrongOnline: (step: number, action: string, actual: string, expected: string) =>
      `step ${step}: after ${action}, names was ${actual}, expected ${expected}`,
  },
  ja: {
    wrongName: (
      step: number,
      online: string,
      requested: string,
      actual: string,
      expected: string,
    ) =>
      `手順 ${step}: names が ${online} のとき、join(${requested}) が ${actual} を返しましたが、期待値は ${expected} です`,
    wrongOnline: (step: number, action: string, actual: string, expected: string) =>
      `手順 ${step}: ${action} の後、names が ${actual} でしたが、期待値は ${expected} です`,
  },
});
