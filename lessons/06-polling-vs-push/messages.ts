// Output of lesson 06 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string) => `feed server listening on ${url}`,
    ready: 'all three clients are connected: the WebSocket is open and the first long poll is held',
    published: (id: number) => `server: update ${id} published`,
    pollNews: (count: number, id: number, news: number) =>
      `polling: request ${count} (after=${id}) returned ${news} new update${news === 1 ? '' : 's'}`,
    pollEmpty: (count: number, id: number) =>
      `polling: request ${count} (after=${id}) returned nothing new: an empty response`,
    allReceived: 'every client has all the updates; closing the clients and the server',
    tableHeading: (updates: number) =>
      `traffic for ${updates} updates (counted on the server's TCP sockets, headers included):`,
    polling: 'polling',
    longPolling: 'long polling',
    websocket: 'WebSocket',
    requests: 'HTTP requests',
    bytesUp: 'bytes client → server',
    bytesDown: 'bytes server → client',
    updatesReceived: 'updates received',
    emptyResponses: 'empty responses',
    delayHeading: 'delay from publish to receipt (mean / max):',
    delay: (mean: string, max: string) => `${mean} / ${max}`,
  },
  ja: {
    listening: (url: string) => `フィードサーバーが ${url} で待ち受けています`,
    ready:
      '3 つのクライアントがそろいました。WebSocket が開き、最初のロングポーリングがサーバーで保留されています',
    published: (id: number) => `サーバー: 更新 ${id} を公開しました`,
    pollNews: (count: number, id: number, news: number) =>
      `ポーリング: リクエスト ${count}（after=${id}）で新しい更新が ${news} 件届きました`,
    pollEmpty: (count: number, id: number) =>
      `ポーリング: リクエスト ${count}（after=${id}）には新しい更新がありません。空のレスポンスです`,
    allReceived:
      'すべてのクライアントが全部の更新を受け取りました。クライアントとサーバーを閉じます',
    tableHeading: (updates: number) =>
      `${updates} 件の更新にかかった通信量（サーバーの TCP ソケットで数えた値で、ヘッダーを含みます）:`,
    polling: 'ポーリング',
    longPolling: 'ロングポーリング',
    websocket: 'WebSocket',
    requests: 'HTTP リクエスト数',
    bytesUp: 'バイト数 クライアント → サーバー',
    bytesDown: 'バイト数 サーバー → クライアント',
    updatesReceived: '受け取った更新',
    emptyResponses: '空のレスポンス',
    delayHeading: '公開から受信までの遅延（平均 / 最大）:',
    delay: (mean: string, max: string) => `${mean} / ${max}`,
  },
});
