// Output of lesson 03 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    loopStart: 'loop start (the script has finished; the event loop now runs the timers)',
    tick: (count: number, max: number) => `tick ${count}/${max} (setInterval)`,
    intervalStopped: (max: number) =>
      `clearInterval after ${max} ticks: the recurring timer is stopped`,
    timeoutFired: (ms: number) => `${ms / 1000}-second timer fired (setTimeout)`,
  },
  ja: {
    loopStart:
      'loop start（スクリプトの実行が終わり、ここからイベントループがタイマーを動かします）',
    tick: (count: number, max: number) => `tick ${count}/${max}（setInterval）`,
    intervalStopped: (max: number) =>
      `${max} 回で clearInterval しました。繰り返しタイマーは止まります`,
    timeoutFired: (ms: number) => `${ms / 1000} 秒のタイマーが発火しました（setTimeout）`,
  },
});
