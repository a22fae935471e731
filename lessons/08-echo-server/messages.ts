// Output of lesson 08 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string, webSocketUrl: string) =>
      `echo server listening on ${url} (WebSocket at ${webSocketUrl})`,
    openInBrowser: 'open the URL in a browser; press Ctrl+C to stop the server',
    serverOpened: (id: number, remote: string) => `server: connection ${id} opened from ${remote}`,
    serverClosed: (id: number, code: number, reason: string) =>
      `server: connection ${id} closed with code ${code}${reason ? `, reason "${reason}"` : ''}`,
    serverConnectionError: (id: number, message: string) =>
      `server: connection ${id} failed: ${message}`,
    clientConnected: (url: string) => `client: connected to ${url}`,
    clientSent: (text: string) => `client: sent "${text}"`,
    clientReceived: (text: string) => `client: received "${text}"`,
    clientClosing: (code: number, reason: string) =>
      `client: closing with code ${code}, reason "${reason}"`,
    clientClosed: (code: number) => `client: closed, code ${code}`,
    stopping: (signal: string) =>
      `${signal} received: closing the connections and stopping the server`,
    stopped: 'server stopped',
    invalidPort: (value: string) =>
      `invalid --port "${value}": use an integer from 0 to 65535 (0 picks a free port)`,
    portInUse: (port: number) =>
      `port ${port} is already in use: stop the program that uses it or choose another port with --port, e.g. npm run lesson 08 -- --port ${port === 65535 ? 3001 : port + 1}`,
    portForbidden: (port: number) =>
      `not allowed to listen on port ${port}: ports below 1024 need extra privileges, so choose another with --port, e.g. --port 3000`,
  },
  ja: {
    listening: (url: string, webSocketUrl: string) =>
      `エコーサーバーが ${url} で待ち受けています（WebSocket は ${webSocketUrl}）`,
    openInBrowser: 'ブラウザーでこの URL を開いてください。Ctrl+C でサーバーを止めます',
    serverOpened: (id: number, remote: string) =>
      `サーバー: 接続 ${id} が ${remote} から開きました`,
    serverClosed: (id: number, code: number, reason: string) =>
      `サーバー: 接続 ${id} がコード ${code} で閉じました${reason ? `（理由 "${reason}"）` : ''}`,
    serverConnectionError: (id: number, message: string) =>
      `サーバー: 接続 ${id} でエラーが起きました: ${message}`,
    clientConnected: (url: string) => `クライアント: ${url} に接続しました`,
    clientSent: (text: string) => `クライアント: "${text}" を送りました`,
    clientReceived: (text: string) => `クライアント: "${text}" を受け取りました`,
    clientClosing: (code: number, reason: string) =>
      `クライアント: コード ${code}、理由 "${reason}" で閉じます`,
    clientClosed: (code: number) => `クライアント: コード ${code} で閉じました`,
    stopping: (signal: string) => `${signal} を受け取りました。接続を閉じてサーバーを止めます`,
    stopped: 'サーバーを止めました',
    invalidPort: (value: string) =>
      `--port "${value}" は無効です。0 から 65535 までの整数を指定してください（0 で空きポートを選びます）`,
    portInUse: (port: number) =>
      `ポート ${port} はすでに使われています。使っているプログラムを止めるか、--port で別のポートを指定してください（例: npm run lesson 08 -- --port ${port === 65535 ? 3001 : port + 1}）`,
    portForbidden: (port: number) =>
      `ポート ${port} で待ち受ける権限がありません。1024 未満のポートには特別な権限が必要です。--port で別のポートを指定してください（例: --port 3000）`,
  },
});
