// Output of lesson 01 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    weatherApi: 'weather API',
    database: 'database',
    sunny: 'sunny, 21 °C',
    unreadMessages: '3 unread messages',
    sequentialHeading: '1) one after the other: await the weather API, then await the database',
    concurrentHeading: '2) concurrently: await Promise.all([weather API, database])',
    requestSent: (source: string) => `   ${source}: request sent, waiting for the response`,
    responseReceived: (source: string, response: string, delayMs: number) =>
      `   ${source}: "${response}" after ${delayMs} ms`,
    sequentialTotal: (seconds: number, firstMs: number, secondMs: number) =>
      `one after the other took about ${seconds} s: the waits add up (${firstMs} + ${secondMs} ms)`,
    concurrentTotal: (seconds: number, longestMs: number) =>
      `concurrently took about ${seconds} s: only as long as the slowest wait (${longestMs} ms)`,
    blockingHeading: (intervalMs: number, jobAtMs: number) =>
      `3) blocking: a heartbeat ticks every ${intervalMs} ms, and ${jobAtMs} ms in, a timer callback runs a synchronous loop`,
    heartbeat: (count: number) => `   heartbeat ${count}`,
    jobStarted: (limit: number) =>
      `   job: counting the primes below ${limit.toLocaleString('en-US')} in one synchronous loop...`,
    jobFinished: (primes: number) =>
      `   job done: ${primes.toLocaleString('en-US')} primes. While the loop ran, the event loop could not run any callback`,
    heartbeatStopped: (count: number) =>
      `clearInterval after ${count} heartbeats: nothing is left to run, so the process exits`,
  },
  ja: {
    weatherApi: '天気 API',
    database: 'データベース',
    sunny: '晴れ、21 °C',
    unreadMessages: '未読メッセージ 3 件',
    sequentialHeading: '1) 順番に: 天気 API を await し、次にデータベースを await します',
    concurrentHeading: '2) 同時に: await Promise.all([天気 API, データベース])',
    requestSent: (source: string) => `   ${source}: リクエストを送り、応答を待っています`,
    responseReceived: (source: string, response: string, delayMs: number) =>
      `   ${source}: ${delayMs} ms 後に「${response}」`,
    sequentialTotal: (seconds: number, firstMs: number, secondMs: number) =>
      `順番に読むと約 ${seconds} 秒かかりました。待ち時間が足し算になります（${firstMs} + ${secondMs} ms）`,
    concurrentTotal: (seconds: number, longestMs: number) =>
      `同時に読むと約 ${seconds} 秒でした。いちばん遅い待ち時間（${longestMs} ms）だけで済みます`,
    blockingHeading: (intervalMs: number, jobAtMs: number) =>
      `3) ブロッキング: ハートビートが ${intervalMs} ms ごとに動き、${jobAtMs} ms の時点でタイマーのコールバックが同期ループを実行します`,
    heartbeat: (count: number) => `   ハートビート ${count}`,
    jobStarted: (limit: number) =>
      `   ジョブ: ${limit.toLocaleString('en-US')} 未満の素数を 1 つの同期ループで数えています...`,
    jobFinished: (primes: number) =>
      `   ジョブ完了: 素数は ${primes.toLocaleString('en-US')} 個です。ループの実行中、イベントループはどのコールバックも実行できませんでした`,
    heartbeatStopped: (count: number) =>
      `${count} 回のハートビートで clearInterval しました。実行するものがなくなったので、プロセスは終了します`,
  },
});
