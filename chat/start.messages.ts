// Japanese and English lines that `npm run chat` prints about the browser client build before the
// server starts.

import { defineCatalogue, pick, type Language } from '../shared/i18n.ts';

export const startMessages = defineCatalogue({
  en: {
    clientBuilt: (folder: string) => `built the browser client into ${folder}`,
    clientBuildFailed: (detail: string) =>
      `failed to build the browser client: ${detail}; the server serves its small built-in page instead (run npm run build:client to see the whole error)`,
  },
  ja: {
    clientBuilt: (folder: string) => `ブラウザークライアントを ${folder} にビルドしました`,
    clientBuildFailed: (detail: string) =>
      `ブラウザークライアントのビルドに失敗しました: ${detail}。サーバーは代わりに組み込みの小さなページを配信します（エラー全体は npm run build:client で確認できます）`,
  },
});

export function startMessagesFor(language: Language) {
  return pick(startMessages, language);
}
