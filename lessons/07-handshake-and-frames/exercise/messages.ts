// Failure messages of the lesson 07 exercise checks, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    wrongAccept: (key: string, actual: string, expected: string) =>
      `computeAccept(${key}) returned ${actual}, expected ${expected}`,
    wrongHeader: (bytes: string, frame: string, actual: string, expected: string) =>
      `for the frame ${bytes} (${frame}), readFrameHeader returned ${actual}, expected ${expected}`,
    headerTooEarly: (count: number, bytes: string, headerLength: number, actual: string) =>
      `for the first ${count} bytes ${bytes} of a ${headerLength}-byte header, readFrameHeader returned ${actual}, expected undefined: wait until the whole header has arrived`,
    noRangeError: (bytes: string, actual: string) =>
      `for the header ${bytes}, whose 64-bit length is above Number.MAX_SAFE_INTEGER, readFrameHeader returned ${actual}: throw a RangeError instead`,
    frameDescription: (opcode: string, payloadLength: number, masked: boolean, fin: boolean) =>
      `${opcode}, ${payloadLength}-byte payload, ${masked ? 'masked' : 'unmasked'}${fin ? '' : ', FIN not set'}`,
    headerOnly: 'header only, no payload yet',
  },
  ja: {
    wrongAccept: (key: string, actual: string, expected: string) =>
      `computeAccept(${key}) が ${actual} を返しましたが、期待値は ${expected} です`,
    wrongHeader: (bytes: string, frame: string, actual: string, expected: string) =>
      `フレーム ${bytes}（${frame}）に対して readFrameHeader が ${actual} を返しましたが、期待値は ${expected} です`,
    headerTooEarly: (count: number, bytes: string, headerLength: number, actual: string) =>
      `${headerLength} バイトのヘッダーのうち最初の ${count} バイト ${bytes} だけで、readFrameHeader が ${actual} を返しました。期待値は undefined です。ヘッダー全体が届くまで待ってください`,
    noRangeError: (bytes: string, actual: string) =>
      `ヘッダー ${bytes} の 64 ビット長は Number.MAX_SAFE_INTEGER を超えていますが、readFrameHeader は ${actual} を返しました。代わりに RangeError を投げてください`,
    frameDescription: (opcode: string, payloadLength: number, masked: boolean, fin: boolean) =>
      `${opcode}、ペイロード ${payloadLength} バイト、${masked ? 'マスクあり' : 'マスクなし'}${fin ? '' : '、FIN なし'}`,
    headerOnly: 'ヘッダーのみ、ペイロードはまだ届いていません',
  },
});
