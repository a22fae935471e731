// Output of lesson 14 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    redisMissing:
      'lesson 14 needs redis-server, which is not on PATH: install it with "apt-get install redis-server" (Debian, Ubuntu, WSL on Windows) or "brew install redis" (macOS), then run the lesson again',
    redisStarted: (address: string) =>
      `redis-server started on ${address} (no snapshots, no append-only file)`,
    nodeStarted: (name: string, url: string, how: string) =>
      `node ${name} listening on ${url} (${how})`,
    childProcess: 'a child process',
    inProcess: 'in this process',
    balancer: (address: string) =>
      `load balancer on ${address}: each new connection goes to node A, or to node B when A refuses`,
    connected: (user: string, node: string, count: number) =>
      `${user} connected to node ${node}; users online in the whole cluster: ${count}`,
    received: (user: string, node: string, seq: number, from: string, text: string) =>
      `${user} (node ${node}) received #${seq} ${from}: ${text}`,
    replayed: (user: string, seq: number, from: string, text: string) =>
      `${user} received #${seq} ${from}: ${text} (replayed from the Redis history on resume)`,
    killing: 'killing node A with SIGKILL: no close frame, no goodbye to Redis',
    lost: (user: string, code: number, delayMs: number) =>
      `${user} lost the connection (close code ${code}); reconnecting in ${delayMs} ms`,
    sentWhileAway: (user: string, seq: number) =>
      `${user} sent #${seq} while alice was away; Redis stored it in the shared history`,
    reconnected: (user: string, name: string) =>
      `${user} reconnected through the load balancer to node B as "${name}": node A's entry still holds "alice" until its heartbeat key expires`,
    left: (user: string, name: string, count: number) =>
      `${user} saw "${name}" leave: node A's heartbeat key expired and node B removed its users (online: ${count})`,
    users: (names: string) => `users online: ${names}`,
    done: 'stopped the clients, node B, the load balancer and redis-server',
  },
  ja: {
    redisMissing:
      'レッスン 14 には redis-server が必要ですが、PATH にありません。"apt-get install redis-server"（Debian、Ubuntu、Windows の WSL）または "brew install redis"（macOS）でインストールしてから、もう一度実行してください',
    redisStarted: (address: string) =>
      `redis-server を ${address} で起動しました（スナップショットなし、追記専用ファイルなし）`,
    nodeStarted: (name: string, url: string, how: string) =>
      `ノード ${name} が ${url} で待ち受けています（${how}）`,
    childProcess: '子プロセス',
    inProcess: 'このプロセス内',
    balancer: (address: string) =>
      `ロードバランサーが ${address} で待ち受けています。新しい接続はノード A に、A が拒否したらノード B に送ります`,
    connected: (user: string, node: string, count: number) =>
      `${user} がノード ${node} に接続しました。クラスター全体のオンライン人数: ${count}`,
    received: (user: string, node: string, seq: number, from: string, text: string) =>
      `${user}（ノード ${node}）が #${seq} ${from}: ${text} を受け取りました`,
    replayed: (user: string, seq: number, from: string, text: string) =>
      `${user} が #${seq} ${from}: ${text} を受け取りました（再開時に Redis の履歴から再送されました）`,
    killing:
      'ノード A を SIGKILL で強制終了します。クローズフレームも Redis への別れのあいさつもありません',
    lost: (user: string, code: number, delayMs: number) =>
      `${user} の接続が切れました（クローズコード ${code}）。${delayMs} ms 後に再接続します`,
    sentWhileAway: (user: string, seq: number) =>
      `alice がいない間に ${user} が #${seq} を送りました。Redis が共有の履歴に保存しました`,
    reconnected: (user: string, name: string) =>
      `${user} がロードバランサー経由でノード B に "${name}" として再接続しました。ハートビートキーが期限切れになるまで、ノード A の登録が "alice" を保持しています`,
    left: (user: string, name: string, count: number) =>
      `${user} は "${name}" の退室を受け取りました。ノード A のハートビートキーが期限切れになり、ノード B がそのユーザーを削除しました（オンライン: ${count}）`,
    users: (names: string) => `オンラインのユーザー: ${names}`,
    done: 'クライアント、ノード B、ロードバランサー、redis-server を停止しました',
  },
});
