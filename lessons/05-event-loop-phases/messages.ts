// Output of lesson 05 in English and Japanese. Each line starts with the queue or phase it ran
// from. The labels are Node's own names, so they stay in English in both languages.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    scriptStarts: '[sync]       the main module runs from top to bottom first',
    scriptEnds: '[sync]       the main module has ended: only now can queued callbacks run',
    mainPromise:
      '[microtask]  Promise.then from the main module: at the top level of an ES module, it runs before process.nextTick',
    mainQueueMicrotask:
      '[microtask]  queueMicrotask from the main module: the same queue as Promise.then, in the order they were queued',
    mainNextTick:
      '[nextTick]   process.nextTick from the main module: queued first, but the module itself runs inside a promise job, so the microtasks ran first',
    mainTimeout: '[timers]     setTimeout 0 from the main module [either order]',
    mainImmediate: '[check]      setImmediate from the main module [either order]',
    raceNote:
      '             Node does not fix the order of the two lines above. --deterministic prints them sorted, so that its output is stable',
    ioCallback: (file: string) => `[poll]       fs.readFile callback (I/O): ${file} was read`,
    ioNextTick:
      '[nextTick]   process.nextTick from the I/O callback: inside a callback, nextTick runs before promises',
    ioPromise: '[microtask]  Promise.then from the I/O callback',
    ioImmediate:
      '[check]      setImmediate from the I/O callback: always before the timer, because the check phase comes right after poll',
    ioTimeout:
      '[timers]     setTimeout 0 from the I/O callback: it waits for the timers phase of the next loop iteration',
    connected: (address: string) =>
      `[poll]       socket connected to ${address}, and the connect callback destroys it`,
    connectImmediate: '[check]      setImmediate from the connect callback',
    socketClosed:
      "[close]      the socket's 'close' event: close callbacks run after the check phase",
    connectTimeout: '[timers]     setTimeout 0 from the connect callback: the next iteration again',
  },
  ja: {
    scriptStarts: '[sync]       まずメインモジュールが上から下まで実行されます',
    scriptEnds:
      '[sync]       メインモジュールが終わりました。キューに入ったコールバックが動けるのはここからです',
    mainPromise:
      '[microtask]  メインモジュールの Promise.then: ES モジュールのトップレベルでは process.nextTick より先に動きます',
    mainQueueMicrotask:
      '[microtask]  メインモジュールの queueMicrotask: Promise.then と同じキューで、入れた順に動きます',
    mainNextTick:
      '[nextTick]   メインモジュールの process.nextTick: 最初に入れましたが、モジュール自体が Promise のジョブの中で動くので、マイクロタスクが先に動きました',
    mainTimeout: '[timers]     メインモジュールの setTimeout 0 [either order]',
    mainImmediate: '[check]      メインモジュールの setImmediate [either order]',
    raceNote:
      '             上の 2 行の順序を Node は決めていません。--deterministic では出力を安定させるために並べ替えて表示します',
    ioCallback: (file: string) =>
      `[poll]       fs.readFile のコールバック（I/O）: ${file} を読みました`,
    ioNextTick:
      '[nextTick]   I/O コールバックの process.nextTick: コールバックの中では、nextTick が Promise より先に動きます',
    ioPromise: '[microtask]  I/O コールバックの Promise.then',
    ioImmediate:
      '[check]      I/O コールバックの setImmediate: check フェーズは poll の直後なので、必ずタイマーより先に動きます',
    ioTimeout:
      '[timers]     I/O コールバックの setTimeout 0: 次のループの timers フェーズまで待ちます',
    connected: (address: string) =>
      `[poll]       ${address} に接続しました。connect のコールバックでソケットを破棄（destroy）します`,
    connectImmediate: '[check]      connect のコールバックの setImmediate',
    socketClosed:
      "[close]      ソケットの 'close' イベント: クローズのコールバックは check フェーズの後に動きます",
    connectTimeout: '[timers]     connect のコールバックの setTimeout 0: これも次のループです',
  },
});
