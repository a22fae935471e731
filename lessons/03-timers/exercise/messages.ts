// Lines of the exercise 03 check (a transcript of the ticker runs), in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    run: (maxTicks: number, intervalMs: number) => `startTicker(${maxTicks}, ${intervalMs}):`,
    tick: (at: number, tick: number) => `  [+${at}ms] onTick(${tick})`,
    pending: (count: number) => `  timers still pending afterwards: ${count}`,
    notStoppedEarly: 'the timer returned by startTicker did not stop the ticks when cleared early',
  },
  ja: {
    run: (maxTicks: number, intervalMs: number) => `startTicker(${maxTicks}, ${intervalMs}):`,
    tick: (at: number, tick: number) => `  [+${at}ms] onTick(${tick})`,
    pending: (count: number) => `  終了後に保留中のタイマー: ${count} 個`,
    notStoppedEarly:
      'startTicker が返したタイマーを途中で clearInterval しても、tick が止まりませんでした',
  },
});
