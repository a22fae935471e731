// Output of lesson 10 in English and Japanese. Frames themselves print as `name ← {…}` and
// `name → …` and need no translation.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    listening: (url: string) => `chat server listening on ${url} (WebSocket endpoint /chat)`,
    part1: 'Part 1: where names come from',
    connect: (label: string, path: string, protocol: string) =>
      `${label} connects to ${path} (${protocol})`,
    noSubprotocol: 'no subprotocol: plain',
    trimmed: 'the spaces around "  dave  " were trimmed: the name is "dave"',
    guestName:
      'no username in the query: the server picked a guest name (its digits are random, so --deterministic hides them)',
    duplicate:
      'the name "alice" was taken, so the second alice became "alice (2)"; a duplicate name is never rejected, and "alice (2)" keeps that name even after alice leaves',
    part2: 'Part 2: the user list (v1 only)',
    part3: 'Part 3: a leave notice',
    leaves: (name: string) => `${name} closes the connection`,
    intervalEnds:
      '(the presence interval ends: the server sends the joins and leaves it collected)',
    part4: (size: number) => `Part 4: ${size} clients join within one presence interval`,
    coalesced: (size: number) =>
      `${size} joins arrived as one event per client: a presence summary for v1, one join notice with a summarised name for plain`,
    crowdLeaves: (size: number) => `the ${size} clients leave one after another`,
    part5: 'Part 5: everyone leaves',
    serverStopped: 'chat server stopped; nothing is left open, so the process exits by itself',
  },
  ja: {
    listening: (url: string) =>
      `チャットサーバーが ${url} で待ち受けています（WebSocket のエンドポイントは /chat）`,
    part1: '第 1 部: 名前はどこから来るか',
    connect: (label: string, path: string, protocol: string) =>
      `${label} が ${path} に接続します（${protocol}）`,
    noSubprotocol: 'サブプロトコルなし: plain',
    trimmed: '"  dave  " の前後の空白は除かれました。名前は "dave" です',
    guestName:
      'クエリに username がないので、サーバーがゲスト名を付けました（数字はランダムなので --deterministic では隠れます）',
    duplicate:
      '"alice" は使用中だったので、2 人目の alice は "alice (2)" になりました。重複した名前が拒否されることはなく、alice が退室しても "alice (2)" はその名前のままです',
    part2: '第 2 部: ユーザー一覧（v1 だけ）',
    part3: '第 3 部: 退室の通知',
    leaves: (name: string) => `${name} が接続を閉じます`,
    intervalEnds: '（プレゼンスの間隔が終わります。サーバーは集めた入室と退室を送ります）',
    part4: (size: number) =>
      `第 4 部: ${size} 個のクライアントが 1 回のプレゼンス間隔のうちに入室します`,
    coalesced: (size: number) =>
      `${size} 件の入室は、クライアントごとに 1 つのイベントとして届きました。v1 にはプレゼンスのまとめ、plain にはまとめた名前の入室通知が 1 つです`,
    crowdLeaves: (size: number) => `${size} 個のクライアントが順に退室します`,
    part5: '第 5 部: 全員が退室します',
    serverStopped:
      'チャットサーバーを停止しました。開いているものが残っていないので、プロセスは自然に終了します',
  },
});
