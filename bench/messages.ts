// Japanese and English texts of `npm run bench`: help, usage errors, progress phases and the
// result table.
import { defineCatalogue, pick, type Language } from '../shared/i18n.ts';

export const benchMessages = defineCatalogue({
  en: {
    usage:
      'Usage: npm run bench -- [--clients N] [--broadcasts B] [--processes P] [--ramp-steps S] [--timeout SECONDS] [--json FILE] [--lang ja|en]',
    helpIntro:
      'Measures the loopchat chat server against a bare ws broadcast loop (the yardstick) on this machine: connection time, memory per idle client, broadcast latency, server CPU per broadcast and the highest sustained delivery rate.',
    helpClients: '--clients N       connections to open against each server (default 1000)',
    helpBroadcasts: '--broadcasts B    broadcasts timed one at a time (default 50)',
    helpProcesses: '--processes P     load-client processes that share the connections (default 2)',
    helpRampSteps:
      '--ramp-steps S    rate steps of the sustained-rate ramp, 0 to skip it (default 8)',
    helpTimeout:
      '--timeout SECONDS whole-run limit; the run stops and cleans up after it (default 900)',
    helpJson: '--json FILE       also write every figure as JSON to FILE',
    helpLang: '--lang ja|en      language of this output',
    errorPrefix: 'loopchat bench: ',
    invalidInteger: (option: string, value: string, min: number, max: number) =>
      `invalid value "${value}" for ${option}: expected an integer from ${min} to ${max}`,
    invalidArguments: (detail: string) => `${detail}; run with --help to see the options`,
    optionsTakenByNpm: (options: string, command: string) =>
      `options before -- go to npm, not to the benchmark (npm kept ${options}): put them after --, e.g. ${command}`,
    unexpectedArgument: (value: string) =>
      `unexpected argument "${value}": put options after --, e.g. npm run bench -- --clients 200`,
    invalidLanguage: (value: string) => `invalid value "${value}" for --lang: expected ja or en`,
    fdLimitTooLow: (limit: number, needed: number, command: string, maxClients: number) =>
      `the file-descriptor limit is ${limit}, but this run needs ${needed} in one process: raise it with "${command}" in this shell (the hard limit, ulimit -Hn, must allow it) or run with --clients ${maxClients}`,
    timedOut: (seconds: number) =>
      `the benchmark did not finish within ${seconds} s and was stopped; raise --timeout or lower --clients`,
    failed: (detail: string) => `the benchmark failed: ${detail}`,
    interrupted: 'interrupted; the server and load-client processes were stopped',
    phaseStart: (server: string) => `${server}: starting the server`,
    phaseConnect: (server: string) => `${server}: opening connections`,
    phaseSettle: (server: string) => `${server}: waiting for the server to go idle`,
    phaseBroadcast: (server: string) => `${server}: timing broadcasts`,
    phaseRamp: (server: string) => `${server}: raising the broadcast rate`,
    phaseStop: (server: string) => `${server}: closing`,
    heading: (clients: number, broadcasts: number, processes: number) =>
      `${clients} clients, ${broadcasts} timed broadcasts, ${processes} load-client processes`,
    machine: (node: string, platform: string, cpus: number, load: string) =>
      `Node ${node}, ${platform}, ${cpus} CPUs shared by the server and the load clients, load average ${load}`,
    columnFigure: 'figure',
    columnLoopchat: 'loopchat',
    columnYardstick: 'yardstick (bare ws)',
    columnRatio: 'ratio',
    rowConnect: 'time to open all connections',
    rowConnected: 'connections open / failed',
    rowOtherFrames: 'non-broadcast frames per client (join, presence)',
    rowRssBefore: 'server RSS before connections',
    rowRssIdle: 'server RSS with the clients idle',
    rowKibPerClient: 'memory (RSS) per idle client',
    rowHeapPerClient: '  of which V8 heap',
    rowCpu: 'server CPU per broadcast',
    rowSystemCpu: '  of which system (kernel) time',
    rowLast: (percentile: string) => `send → last receiver ${percentile}`,
    rowDelivery: (percentile: string) => `send → each receiver ${percentile}`,
    rowSustained: 'sustained deliveries/s (last-receiver p99 < 1 s)',
    rowUndelivered: 'broadcasts not delivered to every client',
    rowClosedByServer: 'clients closed by the server',
    notMeasured: 'n/a',
    memoryBelowNoise:
      "n/a in a memory row: the server's memory did not grow, because at this client count the growth is below the noise of the V8 heap and the page cache. Measure memory per client with --clients 1000 or more",
    sustainedLowerBound:
      '≥: no ramp step failed before the step limit, so the sustained rate is only a lower bound. Raise --ramp-steps to find the limit',
    jsonWritten: (file: string) => `wrote ${file}`,
    startupResult: (command: string, median: number, max: number, all: string) =>
      `${command}: median ${median} ms, max ${max} ms (runs: ${all} ms), from spawn until a WebSocket is open`,
    startupFailed: (command: string, detail: string) => `${command} failed to start: ${detail}`,
    invalidRuns: (value: string) =>
      `invalid value "${value}" for --runs: expected an integer from 1 to 20`,
  },
  ja: {
    usage:
      '使い方: npm run bench -- [--clients N] [--broadcasts B] [--processes P] [--ramp-steps S] [--timeout 秒] [--json ファイル] [--lang ja|en]',
    helpIntro:
      'loopchat のチャットサーバーを、素の ws のブロードキャストループ（基準）とこのマシン上で比べます。接続にかかる時間、待機中のクライアント 1 つあたりのメモリ、ブロードキャストの遅延、ブロードキャスト 1 回あたりのサーバーの CPU 時間、持続できる最大の配信レートを測ります。',
    helpClients: '--clients N       それぞれのサーバーに開く接続の数です（既定値 1000）',
    helpBroadcasts: '--broadcasts B    1 回ずつ時間を測るブロードキャストの数です（既定値 50）',
    helpProcesses: '--processes P     接続を分担する負荷クライアントのプロセス数です（既定値 2）',
    helpRampSteps: '--ramp-steps S    持続レートを探す段階の数です。0 で省略します（既定値 8）',
    helpTimeout:
      '--timeout SECONDS 実行全体の上限（秒）です。超えると停止して後片付けをします（既定値 900）',
    helpJson: '--json FILE       すべての数値を JSON でファイルにも書き出します',
    helpLang: '--lang ja|en      この出力の言語です',
    errorPrefix: 'loopchat bench: ',
    invalidInteger: (option: string, value: string, min: number, max: number) =>
      `${option} の値 "${value}" は無効です。${min} から ${max} までの整数を指定してください`,
    invalidArguments: (detail: string) => `${detail}。--help でオプションを確認してください`,
    optionsTakenByNpm: (options: string, command: string) =>
      `-- より前のオプションは npm が受け取るため、ベンチマークには届きません（npm が受け取ったもの: ${options}）。オプションは -- の後に書いてください（例: ${command}）`,
    unexpectedArgument: (value: string) =>
      `引数 "${value}" は不要です。オプションは -- の後に書いてください（例: npm run bench -- --clients 200）`,
    invalidLanguage: (value: string) =>
      `--lang の値 "${value}" は無効です。ja または en を指定してください`,
    fdLimitTooLow: (limit: number, needed: number, command: string, maxClients: number) =>
      `ファイルディスクリプタの上限は ${limit} ですが、この実行には 1 プロセスで ${needed} 必要です。このシェルで "${command}" を実行して上限を上げるか（ハードリミット ulimit -Hn がそれを許す必要があります）、--clients ${maxClients} で実行してください`,
    timedOut: (seconds: number) =>
      `ベンチマークが ${seconds} 秒以内に終わらなかったため停止しました。--timeout を増やすか --clients を減らしてください`,
    failed: (detail: string) => `ベンチマークが失敗しました: ${detail}`,
    interrupted: '中断しました。サーバーと負荷クライアントのプロセスは停止しました',
    phaseStart: (server: string) => `${server}: サーバーを起動しています`,
    phaseConnect: (server: string) => `${server}: 接続を開いています`,
    phaseSettle: (server: string) => `${server}: サーバーが落ち着くのを待っています`,
    phaseBroadcast: (server: string) => `${server}: ブロードキャストの時間を測っています`,
    phaseRamp: (server: string) => `${server}: ブロードキャストのレートを上げています`,
    phaseStop: (server: string) => `${server}: 終了しています`,
    heading: (clients: number, broadcasts: number, processes: number) =>
      `クライアント ${clients}、時間を測るブロードキャスト ${broadcasts} 回、負荷クライアントのプロセス ${processes}`,
    machine: (node: string, platform: string, cpus: number, load: string) =>
      `Node ${node}、${platform}、CPU ${cpus} 個（サーバーと負荷クライアントで共有）、ロードアベレージ ${load}`,
    columnFigure: '項目',
    columnLoopchat: 'loopchat',
    columnYardstick: '基準（素の ws）',
    columnRatio: '比',
    rowConnect: 'すべての接続を開くまでの時間',
    rowConnected: '開いた接続 / 失敗した接続',
    rowOtherFrames: 'クライアントごとのブロードキャスト以外のフレーム数（入室、在室）',
    rowRssBefore: '接続前のサーバーの RSS',
    rowRssIdle: 'クライアント待機中のサーバーの RSS',
    rowKibPerClient: '待機中のクライアント 1 つあたりのメモリ（RSS）',
    rowHeapPerClient: '  うち V8 ヒープ',
    rowCpu: 'ブロードキャスト 1 回あたりのサーバー CPU 時間',
    rowSystemCpu: '  うちシステム（カーネル）時間',
    rowLast: (percentile: string) => `送信 → 最後の受信者 ${percentile}`,
    rowDelivery: (percentile: string) => `送信 → 各受信者 ${percentile}`,
    rowSustained: '持続できる配信数/秒（最後の受信者の p99 < 1 秒）',
    rowUndelivered: '全員に届かなかったブロードキャスト',
    rowClosedByServer: 'サーバーに切断されたクライアント',
    notMeasured: 'なし',
    memoryBelowNoise:
      'メモリの行の「なし」: サーバーのメモリが増えませんでした。このクライアント数では、増えた分が V8 ヒープとページキャッシュの揺らぎより小さいためです。クライアントあたりのメモリは --clients 1000 以上で測ってください',
    sustainedLowerBound:
      '≥: 失敗した段階がないまま段階数の上限で止まったため、持続できる配信数は下限にすぎません。限界を求めるには --ramp-steps を増やしてください',
    jsonWritten: (file: string) => `${file} に書き出しました`,
    startupResult: (command: string, median: number, max: number, all: string) =>
      `${command}: 中央値 ${median} ms、最大 ${max} ms（各回: ${all} ms）。起動から WebSocket が開くまでの時間です`,
    startupFailed: (command: string, detail: string) =>
      `${command} の起動に失敗しました: ${detail}`,
    invalidRuns: (value: string) =>
      `--runs の値 "${value}" は無効です。1 から 20 までの整数を指定してください`,
  },
});

export type BenchMessages = (typeof benchMessages)['en'];

export function benchMessagesFor(language: Language): BenchMessages {
  return pick(benchMessages, language);
}
