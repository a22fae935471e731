// Messages of the exercise tools (`npm run verify`, `hint`, `reset`), in English and Japanese.

import { defineCatalogue } from '../shared/i18n.ts';

export const exerciseMessages = defineCatalogue({
  en: {
    verifyUsage: [
      'Usage: npm run verify [NN | NN/name] -- [options]',
      '',
      'Checks the exercises in lesson order and stops at the first one not done yet.',
      'NN checks every exercise of one lesson (03); NN/name checks one exercise (11/backoff).',
      '',
      'Options:',
      '  --watch           check again every time you save an exercise file (Ctrl+C stops)',
      '  --poll            with --watch: look for changes every 500 ms instead of waiting for file',
      '                    events (use it where saves go unnoticed, e.g. a WSL /mnt folder)',
      '  --use solution    check the reference solution instead of your file (presenters)',
      '  --use pristine    check the untouched exercise file (shows the starting point)',
      '  --dir DIR         check the exercise files in DIR instead (needs one exercise)',
      '  --lang ja|en      language of the output (default: from LC_ALL, LC_MESSAGES or LANG, else English)',
      '  --help            show this help',
    ].join('\n'),
    hintUsage: [
      'Usage: npm run hint NN[/name] -- [--lang ja|en]',
      '',
      'Prints the hint of lesson NN’s exercise (every exercise of the lesson when it has several).',
    ].join('\n'),
    resetUsage: [
      'Usage: npm run reset NN[/name] -- [--yes] [--lang ja|en]',
      '',
      'Puts the exercise file back as it was at the start. Your version is kept as a backup copy',
      'next to it (the path is printed).',
      '',
      'Options:',
      '  --yes             do not ask for confirmation (for scripts)',
      '  --dir DIR         reset the exercise files in DIR instead (needs one exercise)',
      '  --lang ja|en      language of the output',
    ].join('\n'),
    unknownExercise: (value: string, choices: string) =>
      `no exercise "${value}": use one of ${choices}`,
    exerciseNameNeeded: (command: string, lessons: string) =>
      `name an exercise by its lesson number (${lessons}), e.g. npm run ${command} 03`,
    invalidLang: (value: string) => `invalid --lang "${value}": use ja or en`,
    invalidUse: (value: string) => `invalid --use "${value}": use solution or pristine`,
    unknownOption: (option: string, command: string) =>
      `unknown option "${option}": see npm run ${command} -- --help`,
    missingValue: (option: string) => `option ${option} needs a value, e.g. ${option}=VALUE`,
    unexpectedValue: (option: string) => `option ${option} takes no value`,
    unexpectedArgument: (value: string) =>
      `unexpected argument "${value}": name one exercise, e.g. 03 or 11/backoff`,
    dirNeedsOneExercise: (value: string) =>
      `--dir needs exactly one exercise, but "${value}" names several: add its name, e.g. 11/backoff`,
    dirNotFound: (dir: string) =>
      `--dir "${dir}" is not a folder: give the folder that holds the exercise files`,
    dirWithUse: '--dir and --use cannot be combined: pick one source of files',
    pollNeedsWatch: '--poll only works together with --watch',
    exerciseLine: (mark: string, id: string, title: string, verdict: string) =>
      `${mark} ${id}  ${title} (${verdict})`,
    passed: 'done',
    failed: 'not done',
    editFile: (file: string) => `edit: ${file}`,
    firstDifference: (line: number) => `first difference at line ${line}:`,
    expectedColumn: 'expected',
    actualColumn: 'yours',
    quizUnknownLetter: (letter: string, letters: string) =>
      `your answer contains "${letter}", which the quiz never prints: use only ${letters}`,
    quizDuplicateLetter: (letter: string) =>
      `your answer lists "${letter}" twice: each line of output prints once`,
    quizScriptFailed: (script: string, detail: string) =>
      `the quiz script ${script} failed to run: ${detail}`,
    missingLine: '(no line)',
    hintPointer: (id: string) => `hint: npm run hint ${id}`,
    allDone: (count: number) =>
      count === 1 ? 'The exercise is done.' : `All ${count} exercises are done.`,
    fileLoadFailed: (file: string, detail: string) => `${file} could not be loaded: ${detail}`,
    codeThrew: (detail: string) => `your code threw an error: ${detail}`,
    checkTimedOut: (seconds: number) =>
      `the check did not finish within ${seconds} s: look for an endless loop, or a timer or socket your code never closes`,
    checkCrashed: (code: string, detail: string) =>
      `the check stopped without a result (exit code ${code}): ${detail}`,
    watching: (count: number, mode: string) =>
      `watching ${count} file(s) (${mode}); save a file to check again, Ctrl+C stops`,
    watchModeEvents: 'file events',
    watchModePolling: 'polling every 500 ms',
    watchFallback: (detail: string) => `file events are not available (${detail}); polling instead`,
    separator: '────────',
    hintHeading: (id: string, title: string) => `Hint for ${id}: ${title}`,
    hintMissing: (id: string) => `exercise ${id} has no hint yet`,
    resetQuestion: (files: string) =>
      `Replace ${files} with the original? Your version is kept as a backup. [y/N] `,
    resetNeedsYes:
      'reset asks for confirmation, but there is no terminal to ask: run it in a terminal or add --yes',
    resetCancelled: 'Nothing was changed.',
    resetDone: (file: string) => `restored ${file}`,
    backupWritten: (file: string) => `your version is saved as ${file}`,
    resetUnchanged: (file: string) => `${file} is already the original; nothing to back up`,
    resetNothingToDo: (files: string, count: number) =>
      `nothing to reset: ${files} ${count === 1 ? 'is' : 'are'} already the original`,
  },
  ja: {
    verifyUsage: [
      '使い方: npm run verify [NN | NN/name] -- [オプション]',
      '',
      '演習をレッスン順に確認し、まだ終わっていない最初の演習で止まります。',
      'NN でそのレッスンの演習をすべて確認します（03）。NN/name で 1 つの演習だけを確認します（11/backoff）。',
      '',
      'オプション:',
      '  --watch           演習ファイルを保存するたびに確認し直します（Ctrl+C で終了）',
      '  --poll            --watch と一緒に使います。ファイルイベントを待たずに 500 ms ごとに変更を調べます',
      '                    （WSL の /mnt フォルダーなど、保存が検知されない環境向けです）',
      '  --use solution    自分のファイルの代わりに模範解答を確認します（発表者向け）',
      '  --use pristine    手を加えていない演習ファイルを確認します（出発点を示します）',
      '  --dir DIR         DIR にある演習ファイルを確認します（演習を 1 つ指定します）',
      '  --lang ja|en      出力の言語（既定: LC_ALL、LC_MESSAGES、LANG から判定し、それ以外は英語）',
      '  --help            このヘルプを表示します',
    ].join('\n'),
    hintUsage: [
      '使い方: npm run hint NN[/name] -- [--lang ja|en]',
      '',
      'レッスン NN の演習のヒントを表示します（演習が複数あるレッスンではすべてのヒントを表示します）。',
    ].join('\n'),
    resetUsage: [
      '使い方: npm run reset NN[/name] -- [--yes] [--lang ja|en]',
      '',
      '演習ファイルを最初の状態に戻します。編集中のファイルはバックアップとして隣に残します（パスを表示します）。',
      '',
      'オプション:',
      '  --yes             確認せずに戻します（スクリプト向け）',
      '  --dir DIR         DIR にある演習ファイルを戻します（演習を 1 つ指定します）',
      '  --lang ja|en      出力の言語',
    ].join('\n'),
    unknownExercise: (value: string, choices: string) =>
      `演習 "${value}" はありません。${choices} のどれかを指定してください`,
    exerciseNameNeeded: (command: string, lessons: string) =>
      `演習をレッスン番号（${lessons}）で指定してください。例: npm run ${command} 03`,
    invalidLang: (value: string) => `--lang "${value}" は無効です。ja か en を指定してください`,
    invalidUse: (value: string) =>
      `--use "${value}" は無効です。solution か pristine を指定してください`,
    unknownOption: (option: string, command: string) =>
      `オプション "${option}" はありません。npm run ${command} -- --help を参照してください`,
    missingValue: (option: string) =>
      `オプション ${option} には値が必要です（例: ${option}=VALUE）`,
    unexpectedValue: (option: string) => `オプション ${option} は値を取りません`,
    unexpectedArgument: (value: string) =>
      `引数 "${value}" は不要です。演習は 1 つだけ指定してください（例: 03、11/backoff）`,
    dirNeedsOneExercise: (value: string) =>
      `--dir には演習を 1 つだけ指定しますが、"${value}" には複数あります。名前も付けてください（例: 11/backoff）`,
    dirNotFound: (dir: string) =>
      `--dir "${dir}" はフォルダーではありません。演習ファイルのあるフォルダーを指定してください`,
    dirWithUse: '--dir と --use は同時に使えません。どちらか一方を指定してください',
    pollNeedsWatch: '--poll は --watch と一緒に使います',
    exerciseLine: (mark: string, id: string, title: string, verdict: string) =>
      `${mark} ${id}  ${title}（${verdict}）`,
    passed: '完了',
    failed: '未完了',
    editFile: (file: string) => `編集するファイル: ${file}`,
    firstDifference: (line: number) => `${line} 行目で最初の違いがあります:`,
    expectedColumn: '期待する出力',
    actualColumn: 'あなたの結果',
    quizUnknownLetter: (letter: string, letters: string) =>
      `答えにある "${letter}" はクイズが出力しない文字です。${letters} だけを使ってください`,
    quizDuplicateLetter: (letter: string) =>
      `答えに "${letter}" が 2 回あります。どの行も 1 回しか出力されません`,
    quizScriptFailed: (script: string, detail: string) =>
      `クイズのスクリプト ${script} を実行できませんでした: ${detail}`,
    missingLine: '（行なし）',
    hintPointer: (id: string) => `ヒント: npm run hint ${id}`,
    allDone: (count: number) =>
      count === 1 ? '演習は完了しています。' : `${count} 個の演習がすべて完了しています。`,
    fileLoadFailed: (file: string, detail: string) => `${file} を読み込めませんでした: ${detail}`,
    codeThrew: (detail: string) => `あなたのコードがエラーを投げました: ${detail}`,
    checkTimedOut: (seconds: number) =>
      `確認が ${seconds} 秒以内に終わりませんでした。無限ループや、閉じていないタイマーやソケットがないか確かめてください`,
    checkCrashed: (code: string, detail: string) =>
      `確認が結果を返さずに終了しました（終了コード ${code}）: ${detail}`,
    watching: (count: number, mode: string) =>
      `${count} 個のファイルを監視しています（${mode}）。保存すると確認し直します。Ctrl+C で終了します`,
    watchModeEvents: 'ファイルイベント',
    watchModePolling: '500 ms ごとのポーリング',
    watchFallback: (detail: string) =>
      `ファイルイベントを使えません（${detail}）。代わりにポーリングします`,
    separator: '────────',
    hintHeading: (id: string, title: string) => `${id} のヒント: ${title}`,
    hintMissing: (id: string) => `演習 ${id} にはまだヒントがありません`,
    resetQuestion: (files: string) =>
      `${files} を元に戻しますか？ 編集中のファイルはバックアップとして残ります。[y/N] `,
    resetNeedsYes:
      'reset は確認を求めますが、確認できる端末がありません。端末で実行するか --yes を付けてください',
    resetCancelled: '何も変更していません。',
    resetDone: (file: string) => `${file} を元に戻しました`,
    backupWritten: (file: string) => `編集中のファイルを ${file} に保存しました`,
    resetUnchanged: (file: string) => `${file} は元のままです。バックアップは不要です`,
    resetNothingToDo: (files: string) => `${files} は元のままです。戻すものはありません`,
  },
});
