// Failure messages of the exercise 11/backoff check, in English and Japanese.

import { defineCatalogue } from '../../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongDelay: (call: string, actual: string, expected: string) =>
      `${call} returned ${actual}, expected ${expected}`,
  },
  ja: {
    wrongDelay: (call: string, actual: string, expected: string) =>
      `${call} が ${actual} を返しましたが、期待値は ${expected} です`,
  },
});
