// Lines of the exercise 11/heartbeat check (a transcript of pings and terminations), in English
// and Japanese.

import { defineCatalogue } from '../../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    ping: (at: number, name: string) => `[+${at}ms] ping ${name}`,
    terminate: (at: number, name: string) => `[+${at}ms] terminate ${name}`,
    stopped: (at: number) => `[+${at}ms] heartbeat cancelled`,
    connected: (names: string) => `still connected: ${names}`,
    nobody: '(none)',
  },
  ja: {
    ping: (at: number, name: string) => `[+${at}ms] ${name} に ping`,
    terminate: (at: number, name: string) => `[+${at}ms] ${name} を terminate`,
    stopped: (at: number) => `[+${at}ms] ハートビートを停止`,
    connected: (names: string) => `接続中: ${names}`,
    nobody: '（なし）',
  },
});
