// Messages of the lesson runner (`npm run lesson`), in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const runnerMessages = defineCatalogue({
  en: {
    listHeading: 'Lessons (run one with: npm run lesson NN)',
    listExercise: (state: string) => `exercise: ${state}`,
    exerciseDone: 'done',
    exerciseNotDone: 'not done',
    usage: [
      'Usage: npm run lesson [NN] -- [options]',
      '',
      'Without NN, lists every lesson. NN is a lesson number (03 or 3) or its folder name (03-timers).',
      '',
      'Options:',
      '  --lang ja|en      language of the output (default: from LC_ALL, LC_MESSAGES or LANG, else English)',
      '  --speed X         time scale: 0.25 slows timers to a quarter for presenting, 10 runs ten',
      '                    times faster; the order of output stays the same (default 1)',
      '  --deterministic   the same output on every run: timers run on a virtual clock without',
      '                    waiting, and lessons that do real I/O hide their varying times and ports',
      '  --step            presenter mode: each press of Enter runs the next timer (virtual clock)',
      '  --no-time         leave out the [+…ms] stamps',
      '  --help            show this help',
    ].join('\n'),
    lessonOptionsHeading: (lesson: string) => `Options of lesson ${lesson}:`,
    unknownLesson: (value: string, choices: string) =>
      `unknown lesson "${value}": use a number or folder name from ${choices} (npm run lesson lists them)`,
    invalidSpeed: (value: string) =>
      `invalid --speed "${value}": use a number above 0 and at most 100, e.g. 0.25 or 10`,
    invalidLang: (value: string) => `invalid --lang "${value}": use ja or en`,
    unknownOption: (option: string) => `unknown option "${option}": see npm run lesson -- --help`,
    missingValue: (option: string) => `option ${option} needs a value, e.g. ${option}=VALUE`,
    unexpectedValue: (option: string) => `option ${option} takes no value`,
    unexpectedArgument: (value: string) =>
      `unexpected argument "${value}": put options after --, e.g. npm run lesson 03 -- --speed 10`,
    optionsTakenByNpm: (options: string, command: string) =>
      `options before -- go to npm, not to the lesson runner (npm kept ${options}): put them after --, e.g. ${command}`,
    stepNeedsVirtualClock: (lesson: string) =>
      `--step does not work with lesson ${lesson}: it does real I/O, so it cannot run on the virtual clock`,
    stepPrompt: (dueAt: string) => `(Enter: run the timer due at +${dueAt}ms)`,
  },
  ja: {
    listHeading: 'レッスン一覧（実行するには npm run lesson NN）',
    listExercise: (state: string) => `演習: ${state}`,
    exerciseDone: '完了',
    exerciseNotDone: '未完了',
    usage: [
      '使い方: npm run lesson [NN] -- [オプション]',
      '',
      'NN を省くとレッスンの一覧を表示します。NN はレッスン番号（03 または 3）かフォルダー名（03-timers）です。',
      '',
      'オプション:',
      '  --lang ja|en      出力の言語（既定: LC_ALL、LC_MESSAGES、LANG から判定し、それ以外は英語）',
      '  --speed X         時間の倍率です。0.25 で発表向けにタイマーを 4 倍遅く、10 で 10 倍速くします。',
      '                    出力の順序は変わりません（既定 1）',
      '  --deterministic   毎回同じ出力にします。タイマーは待たずに仮想時計で動き、実際の I/O を',
      '                    行うレッスンでは変動する時間とポート番号を伏せます',
      '  --step            発表者モードです。Enter を押すたびに次のタイマーを実行します（仮想時計）',
      '  --no-time         [+…ms] のタイムスタンプを表示しません',
      '  --help            このヘルプを表示します',
    ].join('\n'),
    lessonOptionsHeading: (lesson: string) => `レッスン ${lesson} のオプション:`,
    unknownLesson: (value: string, choices: string) =>
      `レッスン "${value}" は見つかりません。${choices} の番号かフォルダー名を指定してください（一覧は npm run lesson）`,
    invalidSpeed: (value: string) =>
      `--speed "${value}" は無効です。0 より大きく 100 以下の数を指定してください（例: 0.25、10）`,
    invalidLang: (value: string) => `--lang "${value}" は無効です。ja か en を指定してください`,
    unknownOption: (option: string) =>
      `オプション "${option}" はありません。npm run lesson -- --help を参照してください`,
    missingValue: (option: string) =>
      `オプション ${option} には値が必要です（例: ${option}=VALUE）`,
    unexpectedValue: (option: string) => `オプション ${option} は値を取りません`,
    unexpectedArgument: (value: string) =>
      `引数 "${value}" は不要です。オプションは -- の後に書いてください（例: npm run lesson 03 -- --speed 10）`,
    optionsTakenByNpm: (options: string, command: string) =>
      `-- より前のオプションは npm が受け取るため、レッスンランナーには届きません（npm が受け取ったもの: ${options}）。オプションは -- の後に書いてください（例: ${command}）`,
    stepNeedsVirtualClock: (lesson: string) =>
      `--step はレッスン ${lesson} では使えません。実際の I/O を行うため、仮想時計では動かせません`,
    stepPrompt: (dueAt: string) => `（Enter で +${dueAt}ms のタイマーを実行します）`,
  },
});
