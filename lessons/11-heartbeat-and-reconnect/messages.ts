// Output of lesson 11 in English and Japanese. Frames of the scripted clients print as
// `name ← {…}` and need no translation; the reconnecting client's lines are `carol: …`.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string, intervalMs: number, timeoutMs: number) =>
      `chat server listening on ${url} (heartbeat every ${intervalMs} ms, a client silent for ${intervalMs + timeoutMs} ms is dropped)`,
    part1: 'Part 1: two kinds of ping',
    appPing:
      'an application-level ping is a JSON command; browsers need it, because their WebSocket API cannot send ping frames',
    pingFrame:
      'alice received a WebSocket ping frame (opcode 0x9) from the heartbeat sweep; ws sent the pong frame by itself',
    part2: 'Part 2: a client that stops answering',
    malloryConnects:
      'mallory connects with autoPong off: she will neither send anything nor answer ping frames',
    terminated: (name: string, silent: string) =>
      `server log: terminating silent client ${name} (silent for ${silent})`,
    malloryClosed: (code: number) =>
      `mallory's socket closed with ${code}: terminate() sends no close frame`,
    part3: 'Part 3: a client that reconnects by itself',
    backoffPlan: (initialMs: number, maxMs: number, delays: string) =>
      `carol's backoff: ${initialMs} ms doubling per attempt, capped at ${maxMs} ms, equal jitter (a seeded random, so the delays print exactly): ${delays} ms`,
    viaLink:
      'carol connects through a TCP relay that the lesson can cut, and sends with shared/chat-client.ts',
    cut: 'the network drops: the relay destroys both TCP connections and rejects new ones',
    keepChatting: 'alice and bob keep chatting while carol is away',
    sendOffline: 'carol types a message while offline',
    restore: 'the network is back: the relay forwards connections again',
    resumed: (count: number) =>
      `carol received each of the ${count} messages she missed exactly once, from the history replay`,
    part4: 'Part 4: the server restarts',
    restarting:
      'the server shuts down (close code 1001 for every client) and a new one starts on the same port',
    plainClosed: (name: string, code: number) =>
      `${name} closed with ${code}; a scripted ws client has no reconnect logic, so it does not come back by itself`,
    newServer: 'a new chat server listens on the same port, with a new, empty history',
    bobReconnects: 'bob reconnects by hand: the lesson opens a new ws client for him',
    stopped:
      'everyone has left and the server is stopped; nothing is left open, so the process exits',
    stateConnecting: 'carol: connecting…',
    stateConnected: (name: string) => `carol: connected as ${name}`,
    stateReconnecting: (reason: string, code: number, attempt: number, delayMs: number) =>
      `carol: disconnected (${reason}, close code ${code}); attempt ${attempt} in ${delayMs} ms`,
    stateClosed: 'carol: closed',
    stateRejected: (code: string) => `carol: rejected (${code})`,
    message: (seq: number, name: string, text: string, replayed: boolean) =>
      `carol: #${seq} ${name}: ${text}${replayed ? '  (replayed from the history)' : ''}`,
    epochChanged:
      "carol: the server's epoch changed, so its history was reset: the old sequence numbers mean nothing now",
    historyLost: (count: number) => `carol: ${count} missed messages are no longer kept`,
    outgoing: (text: string, status: string) => `carol: outgoing "${text}": ${status}`,
    statusQueued: 'queued',
    statusSent: 'sent',
    statusConfirmed: (seq: number) => `confirmed by the server as #${seq}`,
    statusFailed: (code: string) => `failed (${code})`,
    serverError: (code: string, text: string) => `carol: server error ${code}: ${text}`,
  },
  ja: {
    listening: (url: string, intervalMs: number, timeoutMs: number) =>
      `チャットサーバーが ${url} で待ち受けています（ハートビートは ${intervalMs} ms ごと、${intervalMs + timeoutMs} ms 黙ったクライアントは切断されます）`,
    part1: '第 1 部: 2 種類の ping',
    appPing:
      'アプリケーションレベルの ping は JSON のコマンドです。ブラウザーの WebSocket API は ping フレームを送れないので、ブラウザーにはこれが必要です',
    pingFrame:
      'alice はハートビートで送られた WebSocket の ping フレーム（オペコード 0x9）を受け取りました。pong フレームは ws が自動で返しました',
    part2: '第 2 部: 応答しなくなったクライアント',
    malloryConnects:
      'mallory は autoPong をオフにして接続します。何も送らず、ping フレームにも応答しません',
    terminated: (name: string, silent: string) =>
      `サーバーのログ: 黙ったクライアント ${name} を切断します（${silent} 無応答）`,
    malloryClosed: (code: number) =>
      `mallory のソケットは ${code} で閉じました。terminate() はクローズフレームを送りません`,
    part3: '第 3 部: 自分で再接続するクライアント',
    backoffPlan: (initialMs: number, maxMs: number, delays: string) =>
      `carol のバックオフ: ${initialMs} ms から試行ごとに 2 倍、上限 ${maxMs} ms、equal ジッター（シード付きの乱数なので待ち時間はそのまま表示されます）: ${delays} ms`,
    viaLink:
      'carol はレッスンが切断できる TCP の中継を通して接続し、shared/chat-client.ts で送受信します',
    cut: 'ネットワークが切れます。中継が両側の TCP 接続を壊し、新しい接続も拒否します',
    keepChatting: 'carol がいないあいだも、alice と bob は話し続けます',
    sendOffline: 'carol はオフラインのままメッセージを入力します',
    restore: 'ネットワークが戻ります。中継はまた接続を転送します',
    resumed: (count: number) =>
      `carol は取りこぼした ${count} 件のメッセージを、履歴の再送から 1 回ずつ受け取りました`,
    part4: '第 4 部: サーバーが再起動します',
    restarting:
      'サーバーが終了し（全クライアントにクローズコード 1001）、同じポートで新しいサーバーが起動します',
    plainClosed: (name: string, code: number) =>
      `${name} は ${code} で閉じました。シナリオどおりに動く ws クライアントには再接続の仕組みがないので、自分では戻ってきません`,
    newServer: '新しいチャットサーバーが同じポートで待ち受けます。履歴は新しく、空です',
    bobReconnects:
      'bob が手動で接続し直します。レッスンが bob 用に新しい ws クライアントを開きます',
    stopped:
      '全員が退室し、サーバーも停止しました。開いているものが残っていないので、プロセスは終了します',
    stateConnecting: 'carol: 接続しています…',
    stateConnected: (name: string) => `carol: ${name} として接続しました`,
    stateReconnecting: (reason: string, code: number, attempt: number, delayMs: number) =>
      `carol: 切断されました（${reason}、クローズコード ${code}）。${delayMs} ms 後に ${attempt} 回目の試行をします`,
    stateClosed: 'carol: 閉じました',
    stateRejected: (code: string) => `carol: 拒否されました（${code}）`,
    message: (seq: number, name: string, text: string, replayed: boolean) =>
      `carol: #${seq} ${name}: ${text}${replayed ? '  （履歴からの再送）' : ''}`,
    epochChanged:
      'carol: サーバーのエポックが変わったので、履歴はリセットされました。古い通し番号はもう意味を持ちません',
    historyLost: (count: number) =>
      `carol: 取りこぼしたメッセージのうち ${count} 件はもう残っていません`,
    outgoing: (text: string, status: string) => `carol: 送るメッセージ "${text}": ${status}`,
    statusQueued: 'キューに入りました',
    statusSent: '送信しました',
    statusConfirmed: (seq: number) => `サーバーが #${seq} として確認しました`,
    statusFailed: (code: string) => `失敗しました（${code}）`,
    serverError: (code: string, text: string) => `carol: サーバーのエラー ${code}: ${text}`,
  },
});
