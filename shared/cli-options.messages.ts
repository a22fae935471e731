// Japanese and English usage errors of the option parser that the chat server and the terminal
// chat client share. `command` is how the user runs the tool, e.g. `npm run chat:cli`.

import { defineCatalogue, pick, type Language } from './i18n.ts';

export const cliOptionMessages = defineCatalogue({
  en: {
    unknownOption: (option: string, command: string) =>
      `unknown option "${option}": see ${command} -- --help`,
    missingValue: (option: string, example: string) =>
      `option ${option} needs a value, e.g. ${example}`,
    unexpectedValue: (option: string) => `option ${option} takes no value; give it alone`,
    unexpectedArgument: (value: string, command: string) =>
      `unexpected argument "${value}": this command takes options only, see ${command} -- --help`,
    optionsTakenByNpm: (options: string, example: string) =>
      `options before -- go to npm, not to this command (npm kept ${options}): put them after --, e.g. ${example}`,
  },
  ja: {
    unknownOption: (option: string, command: string) =>
      `オプション "${option}" はありません。${command} -- --help を参照してください`,
    missingValue: (option: string, example: string) =>
      `オプション ${option} には値が必要です（例: ${example}）`,
    unexpectedValue: (option: string) =>
      `オプション ${option} は値を取りません。オプション名だけを指定してください`,
    unexpectedArgument: (value: string, command: string) =>
      `引数 "${value}" は使えません。このコマンドはオプションだけを受け取ります。${command} -- --help を参照してください`,
    optionsTakenByNpm: (options: string, example: string) =>
      `-- より前のオプションは npm が受け取るため、このコマンドには届きません（npm が受け取ったもの: ${options}）。オプションは -- の後に書いてください（例: ${example}）`,
  },
});

export type CliOptionMessages = (typeof cliOptionMessages)['en'];

export function cliOptionMessagesFor(language: Language): CliOptionMessages {
  return pick(cliOptionMessages, language);
}
