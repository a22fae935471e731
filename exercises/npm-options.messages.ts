// Messages of verify, hint and reset about options that npm kept because they came before `--`,
// in English and Japanese.

import { defineCatalogue } from '../shared/i18n.ts';

export const npmOptionMessages = defineCatalogue({
  en: {
    optionsTakenByNpm: (options: string, command: string) =>
      `options before -- go to npm, not to the exercise command (npm kept ${options}): put them after --, e.g. ${command}`,
  },
  ja: {
    optionsTakenByNpm: (options: string, command: string) =>
      `-- より前のオプションは npm が受け取るため、演習のコマンドには届きません（npm が受け取ったもの: ${options}）。オプションは -- の後に書いてください（例: ${command}）`,
  },
});
