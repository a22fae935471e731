// Japanese and English texts of the chat server that people read: CLI help and errors, handshake
// rejections and `error` events. Log lines stay English because they are for operators.
import { defineCatalogue, pick, type Language } from '../../shared/i18n.ts';

export const serverMessages = defineCatalogue({
  en: {
    usage:
      'Usage: npm run chat -- [options]\n       node chat/dist/server.mjs [options]   (the built server)\nEvery option can also be set by its environment variable.',
    helpIntro:
      'Starts the loopchat chat server: a WebSocket chat at /chat plus a small web page at /.',
    helpOptions: 'Options:',
    helpDefault: (value: string) => `default: ${value}`,
    helpHost: 'Address to listen on. Keep 127.0.0.1 unless a proxy in front needs another.',
    helpPort: 'TCP port to listen on; 0 picks a free port.',
    helpAllowedOrigins:
      'Comma-separated extra origins allowed to open /chat (the server itself is always allowed).',
    helpMaxMessageGraphemes: 'Maximum chat message length, in graphemes.',
    helpMaxFrameBytes: 'Maximum WebSocket frame size in bytes; a larger frame closes with 1009.',
    helpRateBurst: 'Token bucket size: messages a client may send at once.',
    helpRatePerSecond: 'Token bucket refill: messages per second a client may send, sustained.',
    helpFloodMaxRejections:
      'Rate-limited frames within the flood window after which the client is closed with 1008.',
    helpFloodWindowMs: 'Flood window in milliseconds.',
    helpMaxBufferedBytes:
      'Send buffer (bufferedAmount) per client in bytes above which a slow client is closed with 4000.',
    helpHeartbeatIntervalMs: 'Interval of the WebSocket ping sweep in milliseconds.',
    helpHeartbeatTimeoutMs:
      'Extra silence in milliseconds, after one interval, before a client is terminated.',
    helpHistorySize: 'Chat messages kept in memory for history replay and resume.',
    helpHistoryReplaySize: 'Messages replayed to a new v1 client that does not resume.',
    helpDedupeSize:
      'Client message ids remembered to make resends idempotent. With --redis, ids are kept 10 minutes in Redis instead.',
    helpPresenceFlushMs:
      'Join/leave events are coalesced and sent at most once per this many milliseconds.',
    helpShutdownStaggerMs:
      'On shutdown, sockets are closed with 1001 in 20 steps over at most this many milliseconds.',
    helpPerMessageDeflate:
      'Enable permessage-deflate compression (off by default: it costs memory per client).',
    helpLogFormat: 'Log format: pretty (readable) or json (one object per line).',
    helpLogLevel: 'Log level.',
    helpRedis:
      'Redis URL for cluster mode, redis://[:password@]host[:port][/db] (port 6379 by default; rediss:// for TLS): every server with the same Redis shares one chat. Empty: one process, in memory.',
    helpRedisNodeTtlMs:
      "Cluster mode: lifetime of this node's heartbeat key in milliseconds; the users of a node that died are dropped after it.",
    helpLang: 'Language of this help and of CLI errors: ja or en.',
    helpHelp: 'Show this help and exit.',
    cliErrorPrefix: 'loopchat chat: ',
    invalidInteger: (source: string, value: string, min: number, max: number) =>
      `invalid value "${value}" for ${source}: expected an integer from ${min} to ${max}`,
    invalidChoice: (source: string, value: string, choices: string) =>
      `invalid value "${value}" for ${source}: expected one of ${choices}`,
    invalidBoolean: (source: string, value: string) =>
      `invalid value "${value}" for ${source}: expected true or false`,
    invalidEmpty: (source: string) => `missing value for ${source}: give a non-empty value`,
    invalidOrigin: (source: string, value: string) =>
      `invalid origin "${value}" in ${source}: expected a URL origin such as http://localhost:5173`,
    invalidRedisUrl: (source: string, value: string) =>
      `invalid Redis URL "${value}" for ${source}: expected redis://host:port or rediss://host:port, e.g. redis://127.0.0.1:6379`,
    listening: (url: string) => `Chat server listening on ${url} (press Ctrl+C to stop)`,
    listenFailed: (address: string, detail: string) =>
      `failed to listen on ${address}: ${detail}; choose another --port or stop the other server`,
    NOT_FOUND: (path: string) => `no WebSocket endpoint at ${path}; connect to /chat`,
    SERVER_SHUTTING_DOWN: 'the server is shutting down; reconnect in a moment',
    ORIGIN_NOT_ALLOWED: (origin: string) =>
      `origin ${origin} is not allowed to connect; open the chat from the server's own page`,
    USERNAME_TOO_LONG: (graphemes: number, max: number, atLeast = false) =>
      `username too long: ${atLeast ? 'at least ' : ''}${graphemes} characters > ${max}; choose a shorter name`,
    USERNAME_INVALID_CHARACTERS:
      'username contains control or text-direction characters; use visible characters only',
    USERNAME_INVISIBLE: 'username has no visible characters; choose a visible name',
    INVALID_RESUME: (detail: string) => `invalid resume parameters: ${detail}`,
    presenceTwoNames: (first: string, second: string) => `${first} and ${second}`,
    presenceThreeNames: (first: string, second: string, third: string) =>
      `${first}, ${second} and ${third}`,
    presenceManyNames: (first: string, second: string, others: number) =>
      `${first}, ${second} and ${others} others`,
    resumeEpochMissing: 'epoch is missing; send epoch together with after',
    resumeEpochTooLong: (length: number, max: number) =>
      `epoch has ${length} characters, more than ${max}`,
    resumeAfterInvalid: (value: string) =>
      `after "${value}" is not a non-negative integer; send the last seq you saw, or 0`,
    MESSAGE_EMPTY: 'message is empty; type some text before sending',
    MESSAGE_TOO_LONG: (graphemes: number, max: number, atLeast = false) =>
      `message too long: ${atLeast ? 'at least ' : ''}${graphemes} characters > ${max}; shorten it`,
    RATE_LIMITED: (retryAfterMs: number) =>
      `you are sending too fast; wait ${retryAfterMs} ms before sending again`,
    BINARY_NOT_SUPPORTED: 'binary frames are not supported; send text',
    INVALID_JSON: (detail: string) => `invalid JSON (${detail}); send a JSON command object`,
    UNKNOWN_COMMAND: (detail: string) => `${detail}; use message, ping, resume or who`,
    INVALID_COMMAND: (detail: string) => `invalid command: ${detail}`,
    INTERNAL_ERROR: 'the server failed to handle this; try again later',
    HUB_UNAVAILABLE: (retryAfterMs: number) =>
      `the server lost its connection to the chat cluster, so the message was not sent; resend it in ${retryAfterMs} ms`,
  },
  ja: {
    usage:
      '使い方: npm run chat -- [オプション]\n        node chat/dist/server.mjs [オプション]   （ビルドしたサーバー）\nどのオプションも環境変数で設定できます。',
    helpIntro:
      'loopchat のチャットサーバーを起動します。/chat で WebSocket チャット、/ で小さな Web ページを提供します。',
    helpOptions: 'オプション:',
    helpDefault: (value: string) => `既定値: ${value}`,
    helpHost:
      '待ち受けるアドレスです。前段のプロキシが別のアドレスを必要としない限り 127.0.0.1 のままにします。',
    helpPort: '待ち受ける TCP ポートです。0 にすると空いているポートを選びます。',
    helpAllowedOrigins:
      '/chat への接続を追加で許可するオリジンをカンマ区切りで指定します（サーバー自身は常に許可されます）。',
    helpMaxMessageGraphemes: 'チャットメッセージの最大の長さ（書記素数）です。',
    helpMaxFrameBytes:
      'WebSocket フレームの最大バイト数です。これを超えるフレームは 1009 で切断されます。',
    helpRateBurst: 'トークンバケットの容量です。クライアントが一度に送れるメッセージ数です。',
    helpRatePerSecond:
      'トークンバケットの補充量です。クライアントが継続して送れる 1 秒あたりのメッセージ数です。',
    helpFloodMaxRejections:
      'フラッド判定の時間枠内にこの数のフレームがレート制限されると、クライアントを 1008 で切断します。',
    helpFloodWindowMs: 'フラッド判定の時間枠（ミリ秒）です。',
    helpMaxBufferedBytes:
      'クライアントごとの送信バッファー（bufferedAmount）の上限（バイト）です。超えた遅いクライアントは 4000 で切断されます。',
    helpHeartbeatIntervalMs: 'WebSocket の ping を一斉送信する間隔（ミリ秒）です。',
    helpHeartbeatTimeoutMs:
      '1 間隔に加えて、応答のないクライアントを切断するまで待つ時間（ミリ秒）です。',
    helpHistorySize: '履歴の再送と再開（resume）のためにメモリに保持するメッセージ数です。',
    helpHistoryReplaySize: '再開を求めない新しい v1 クライアントに再送するメッセージ数です。',
    helpDedupeSize:
      '再送を一度だけ配信するために覚えておくクライアントメッセージ ID の数です。--redis を指定したときは、代わりに Redis に 10 分間保存します。',
    helpPresenceFlushMs: '入室・退室のイベントをまとめ、最大でこのミリ秒ごとに 1 回だけ送ります。',
    helpShutdownStaggerMs:
      '終了時に、ソケットを 1001 で閉じる処理を、最大でこのミリ秒の間に 20 回に分けて行います。',
    helpPerMessageDeflate:
      'permessage-deflate 圧縮を有効にします（クライアントごとにメモリを使うため既定では無効です）。',
    helpLogFormat:
      'ログの形式です。pretty（読みやすい形式）または json（1 行に 1 オブジェクト）です。',
    helpLogLevel: 'ログレベルです。',
    helpRedis:
      'クラスターモードで使う Redis の URL です。形式は redis://[:パスワード@]ホスト[:ポート][/DB 番号] で、ポートの既定値は 6379、TLS には rediss:// を使います。同じ Redis を使うサーバーはすべて 1 つのチャットを共有します。空ならメモリ上で 1 プロセスだけで動きます。',
    helpRedisNodeTtlMs:
      'クラスターモードで、このノードのハートビートキーの有効期間（ミリ秒）です。停止したノードのユーザーはこの時間の後に一覧から外れます。',
    helpLang: 'このヘルプと CLI のエラーの言語です。ja または en を指定します。',
    helpHelp: 'このヘルプを表示して終了します。',
    cliErrorPrefix: 'loopchat chat: ',
    invalidInteger: (source: string, value: string, min: number, max: number) =>
      `${source} の値 "${value}" は無効です。${min} から ${max} までの整数を指定してください`,
    invalidChoice: (source: string, value: string, choices: string) =>
      `${source} の値 "${value}" は無効です。${choices} のいずれかを指定してください`,
    invalidBoolean: (source: string, value: string) =>
      `${source} の値 "${value}" は無効です。true または false を指定してください`,
    invalidEmpty: (source: string) => `${source} の値がありません。空でない値を指定してください`,
    invalidOrigin: (source: string, value: string) =>
      `${source} のオリジン "${value}" は無効です。http://localhost:5173 のような URL のオリジンを指定してください`,
    invalidRedisUrl: (source: string, value: string) =>
      `${source} の Redis URL "${value}" は無効です。redis://127.0.0.1:6379 のように redis://ホスト:ポート または rediss://ホスト:ポート を指定してください`,
    listening: (url: string) =>
      `チャットサーバーが ${url} で待ち受けています（Ctrl+C で停止します）`,
    listenFailed: (address: string, detail: string) =>
      `${address} で待ち受けられませんでした: ${detail}。別の --port を指定するか、もう一方のサーバーを停止してください`,
    NOT_FOUND: (path: string) =>
      `${path} に WebSocket のエンドポイントはありません。/chat に接続してください`,
    SERVER_SHUTTING_DOWN: 'サーバーは終了処理中です。少し待ってから再接続してください',
    ORIGIN_NOT_ALLOWED: (origin: string) =>
      `オリジン ${origin} からの接続は許可されていません。サーバー自身のページからチャットを開いてください`,
    USERNAME_TOO_LONG: (graphemes: number, max: number, atLeast = false) =>
      `ユーザー名が長すぎます（${graphemes} 文字${atLeast ? '以上' : ''} > ${max} 文字）。短い名前にしてください`,
    USERNAME_INVALID_CHARACTERS:
      'ユーザー名に制御文字または文字方向を変える文字が含まれています。見える文字だけを使ってください',
    USERNAME_INVISIBLE: 'ユーザー名に見える文字がありません。見える名前にしてください',
    INVALID_RESUME: (detail: string) => `再開（resume）のパラメーターが無効です: ${detail}`,
    presenceTwoNames: (first: string, second: string) => `${first} と ${second}`,
    presenceThreeNames: (first: string, second: string, third: string) =>
      `${first}、${second} と ${third}`,
    presenceManyNames: (first: string, second: string, others: number) =>
      `${first}、${second} ほか ${others} 人`,
    resumeEpochMissing: 'epoch がありません。after と一緒に epoch を送ってください',
    resumeEpochTooLong: (length: number, max: number) =>
      `epoch が ${length} 文字あり、上限の ${max} 文字を超えています`,
    resumeAfterInvalid: (value: string) =>
      `after の値 "${value}" は 0 以上の整数ではありません。最後に受け取った seq か 0 を送ってください`,
    MESSAGE_EMPTY: 'メッセージが空です。テキストを入力してから送信してください',
    MESSAGE_TOO_LONG: (graphemes: number, max: number, atLeast = false) =>
      `メッセージが長すぎます（${graphemes} 文字${atLeast ? '以上' : ''} > ${max} 文字）。短くしてください`,
    RATE_LIMITED: (retryAfterMs: number) =>
      `送信が速すぎます。${retryAfterMs} ms 待ってから送信してください`,
    BINARY_NOT_SUPPORTED: 'バイナリフレームには対応していません。テキストを送ってください',
    INVALID_JSON: (detail: string) =>
      `JSON として無効です（${detail}）。JSON のコマンドオブジェクトを送ってください`,
    UNKNOWN_COMMAND: (detail: string) =>
      `${detail}。message、ping、resume、who のいずれかを使ってください`,
    INVALID_COMMAND: (detail: string) => `コマンドが無効です: ${detail}`,
    INTERNAL_ERROR: 'サーバーで処理に失敗しました。しばらくしてから再試行してください',
    HUB_UNAVAILABLE: (retryAfterMs: number) =>
      `サーバーがチャットクラスターとの接続を失ったため、メッセージは送信されませんでした。${retryAfterMs} ms 後に再送してください`,
  },
});

export type ServerMessages = (typeof serverMessages)['en'];

/** Returns the messages of one language. */
export function messagesFor(language: Language): ServerMessages {
  return pick(serverMessages, language);
}

/**
 * Returns the language of an `Accept-Language` header: Japanese when `ja` is preferred over
 * English, else English. Weights (`q=`) are honoured; unknown languages are skipped.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  if (!header) return 'en';

  let best: { language: Language; weight: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language: Language | undefined = tag.startsWith('ja')
      ? 'ja'
      : tag.startsWith('en')
        ? 'en'
        : undefined;
    if (!language) continue;

    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(weight) || weight <= 0) continue;
    if (!best || weight > best.weight) best = { language, weight };
  }
  return best?.language ?? 'en';
}
