// Lines and failure messages of the exercise 01 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    called: 'loadGreeting(file, done) called',
    returned: 'loadGreeting returned',
    done: (text: string) => `done(${text})`,
    usedSync: (count: number) =>
      `readFileSync was called ${count} time(s): it blocks the event loop, use readFile with a callback`,
  },
  ja: {
    called: 'loadGreeting(file, done) を呼び出し',
    returned: 'loadGreeting が戻った',
    done: (text: string) => `done(${text})`,
    usedSync: (count: number) =>
      `readFileSync が ${count} 回呼ばれました。イベントループをブロックするので、コールバック付きの readFile を使ってください`,
  },
});
