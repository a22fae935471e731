// Failure messages of the exercise 02 check, in English and Japanese.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    validFile: 'a valid JSON file',
    missingFile: 'a file that does not exist',
    brokenFile: 'a file with invalid JSON',
    threw: (situation: string, detail: string) =>
      `with ${situation}, readConfig threw ${detail} instead of passing it to callback(error)`,
    calledTimes: (situation: string, count: number) =>
      `with ${situation}, the callback was called ${count} times: call it exactly once`,
    expectedError: (situation: string, actual: string) =>
      `with ${situation}, the callback received ${actual}: pass the error as its first argument`,
    expectedConfig: (actual: string, expected: string) =>
      `with a valid JSON file, the callback received ${actual}, expected (null, ${expected})`,
    calledSynchronously: (situation: string) =>
      `with ${situation}, the callback ran before readConfig returned: call it from the readFile callback`,
  },
  ja: {
    validFile: '正しい JSON ファイル',
    missingFile: '存在しないファイル',
    brokenFile: '不正な JSON のファイル',
    threw: (situation: string, detail: string) =>
      `${situation}のとき、readConfig は ${detail} を callback(error) に渡さずに投げました`,
    calledTimes: (situation: string, count: number) =>
      `${situation}のとき、コールバックが ${count} 回呼ばれました。ちょうど 1 回だけ呼んでください`,
    expectedError: (situation: string, actual: string) =>
      `${situation}のとき、コールバックは ${actual} を受け取りました。エラーを最初の引数として渡してください`,
    expectedConfig: (actual: string, expected: string) =>
      `正しい JSON ファイルのとき、コールバックは ${actual} を受け取りましたが、期待値は (null, ${expected}) です`,
    calledSynchronously: (situation: string) =>
      `${situation}のとき、readConfig が戻る前にコールバックが実行されました。readFile のコールバックから呼んでください`,
  },
});
