// Failure messages of the exercise 12 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongCount: (text: string, actual: string, expected: number) =>
      `countGraphemes(${text}) returned ${actual}, expected ${expected}`,
    wrongValidation: (text: string, max: number, actual: string, expected: string) =>
      `validateMessage(${text}, ${max}) returned ${actual}, expected ${expected}`,
    repeated: (count: number, text: string) => `${count} × "${text}"`,
  },
  ja: {
    wrongCount: (text: string, actual: string, expected: number) =>
      `countGraphemes(${text}) が ${actual} を返しましたが、期待値は ${expected} です`,
    wrongValidation: (text: string, max: number, actual: string, expected: string) =>
      `validateMessage(${text}, ${max}) が ${actual} を返しましたが、期待値は ${expected} です`,
    repeated: (count: number, text: string) => `"${text}" × ${count}`,
  },
});
