// Failure messages of the exercise 11/resume check, in English and Japanese.

import { defineCatalogue } from '../../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongResult: (history: string, lastSeen: number, actual: string, expected: string) =>
      `with history ${history} and lastSeenSeq ${lastSeen}, missedMessages returned ${actual}, expected ${expected}`,
    emptyHistory: '(empty)',
  },
  ja: {
    wrongResult: (history: string, lastSeen: number, actual: string, expected: string) =>
      `履歴 ${history}、lastSeenSeq ${lastSeen} のとき、missedMessages は ${actual} を返しましたが、期待値は ${expected} です`,
    emptyHistory: '（空）',
  },
});
