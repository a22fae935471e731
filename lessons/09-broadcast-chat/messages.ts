// Output of lesson 09 in English and Japanese. Frames themselves print as `name ← {…}` and
// `name → …` and need no translation.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string) => `chat server listening on ${url} (WebSocket endpoint /chat)`,
    part1: 'Part 1: three clients join',
    connectV1: (name: string) =>
      `${name} connects to /chat?username=${name} and offers the subprotocol loopchat.v1`,
    connectPlain: (name: string) =>
      `${name} connects to /chat?username=${name} without a subprotocol: the plain protocol of the Mojolicious chat`,
    plainNoWelcome:
      'a plain client gets no welcome, user list or history: only what is broadcast from now on',
    joinCoalesced:
      'the join notice comes a moment later: the server collects joins and leaves for a short interval and sends them together',
    part2: 'Part 2: one message, broadcast to every client',
    senderIncluded: 'the sender gets its own message back, exactly like everyone else',
    plainSends: 'a plain client sends plain text; the server still answers in JSON',
    sameBytes: (identical: string) => `alice and bob received byte-identical frames: ${identical}`,
    encodedOnce: (versions: number, clients: number) =>
      `the server encoded this broadcast ${versions} times (once per protocol version) for ${clients} clients, not once per client`,
    yes: 'yes',
    no: 'no',
    part3: 'Part 3: a socket goes away',
    openConnections: (count: number) => `server: ${count} open WebSocket connections`,
    carolDrops: "carol's network drops: the TCP connection ends without a WebSocket close frame",
    carolClosed: (code: number) =>
      `the server saw carol's socket close with ${code} (abnormal closure: no close frame), removed it from its registry and broadcast a leave`,
    skipped: (count: number) =>
      `the next broadcast goes to the ${count} sockets that are still open; the closed one is no longer in the registry`,
    part4: 'Part 4: everyone leaves',
    closed: (name: string, code: number) => `${name} closed with ${code}`,
    serverStopped: 'chat server stopped; nothing is left open, so the process exits by itself',
  },
  ja: {
    listening: (url: string) =>
      `チャットサーバーが ${url} で待ち受けています（WebSocket のエンドポイントは /chat）`,
    part1: '第 1 部: 3 つのクライアントが参加します',
    connectV1: (name: string) =>
      `${name} が /chat?username=${name} に接続し、サブプロトコル loopchat.v1 を申し出ます`,
    connectPlain: (name: string) =>
      `${name} がサブプロトコルなしで /chat?username=${name} に接続します。Mojolicious のチャットと同じ plain プロトコルです`,
    plainNoWelcome:
      'plain のクライアントには welcome もユーザー一覧も履歴も届きません。届くのはこれからブロードキャストされるものだけです',
    joinCoalesced:
      '入室の通知は少し遅れて届きます。サーバーは入室と退室を短い間隔で集め、まとめて送ります',
    part2: '第 2 部: 1 つのメッセージを全クライアントにブロードキャストします',
    senderIncluded: '送信者にも、ほかの全員とまったく同じように自分のメッセージが届きます',
    plainSends:
      'plain のクライアントはただのテキストを送ります。サーバーはそれでも JSON で応えます',
    sameBytes: (identical: string) =>
      `alice と bob が受け取ったフレームはバイト単位で同じです: ${identical}`,
    encodedOnce: (versions: number, clients: number) =>
      `サーバーはこのブロードキャストを ${clients} つのクライアントのために ${versions} 回（プロトコルのバージョンごとに 1 回）エンコードしました。クライアントごとではありません`,
    yes: 'はい',
    no: 'いいえ',
    part3: '第 3 部: ソケットが 1 つ消えます',
    openConnections: (count: number) => `サーバー: 開いている WebSocket 接続は ${count} 本です`,
    carolDrops:
      'carol のネットワークが切れます。WebSocket のクローズフレームなしで TCP 接続が終わります',
    carolClosed: (code: number) =>
      `サーバーは carol のソケットが ${code}（異常終了: クローズフレームなし）で閉じたのを見て、レジストリから外し、退室をブロードキャストしました`,
    skipped: (count: number) =>
      `次のブロードキャストは、まだ開いている ${count} 本のソケットに届きます。閉じたソケットはもうレジストリにありません`,
    part4: '第 4 部: 全員が退室します',
    closed: (name: string, code: number) => `${name} は ${code} で閉じました`,
    serverStopped:
      'チャットサーバーを停止しました。開いているものが残っていないので、プロセスは自然に終了します',
  },
});
