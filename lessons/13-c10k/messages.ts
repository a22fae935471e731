// Output of lesson 13 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    invalidClients: (value: string, min: number, max: number) =>
      `lesson 13: invalid value "${value}" for --clients: expected an integer from ${min} to ${max}`,
    tooManyFiles: (needed: number) =>
      `lesson 13: this process ran out of file descriptors (EMFILE): raise the limit with "ulimit -n ${needed}" in this shell, or pass a smaller --clients`,
    connectFailed: (detail: string) =>
      `lesson 13: a client failed to connect (${detail}); close other programs that use many connections and try again`,
    listening: (url: string) =>
      `chat server listening on ${url}; the clients run in this same process`,
    step1: (clients: number, inFlight: number) =>
      `Step 1: ${clients} clients connect, ${inFlight} handshakes at a time`,
    connected: (clients: number, time: string) =>
      `${clients} connections open and joined after ${time}`,
    joinSummary: (clients: number, others: string, count: number) =>
      `the ${clients} joins reach each client as one notice ("…, … and ${others}", count ${count}): one frame per client, not ${clients}`,
    step2: 'Step 2: what an idle connection costs',
    memory: (totalMiB: string, perConnectionKiB: string) =>
      `process memory (RSS) grew by ${totalMiB} MiB: about ${perConnectionKiB} KiB per connection, server end and client end together`,
    threads: (clients: number, stackMiB: number, totalMiB: number) =>
      `a thread per connection would reserve a stack of ${stackMiB} MiB each: ${clients} threads reserve ${totalMiB} MiB of address space, and the kernel switches between them`,
    eventLoop:
      'an idle socket here is a few objects and a kernel buffer; one event loop waits in epoll (kqueue, IOCP) for whichever socket has data, so waiting costs nothing',
    step3: 'Step 3: one broadcast',
    broadcastTime: (clients: number, time: string, bytes: number) =>
      `c0 sends "hello, everyone": the last of ${clients} receivers has it after ${time} (${bytes} bytes per delivery)`,
    perDelivery: (microseconds: string) =>
      `that is about ${microseconds} µs per delivery, the receiving clients' work in this process included; the server encodes the event once and writes the same bytes to every socket`,
    step4: (characters: number) => `Step 4: a large message (${characters} characters)`,
    largeBroadcast: (bytes: number, clients: number, totalMiB: string, time: string) =>
      `each delivery is ${bytes} bytes, so the server writes ${clients} copies, ${totalMiB} MiB in all; the last receiver has it after ${time}`,
    largeCost:
      'a broadcast costs its size times the number of clients; a slow client keeps its copies in the server (bufferedAmount) until it reads them, which is why the server closes one that falls 1 MiB behind',
    step5: (clients: number) =>
      `Step 5: compression (permessage-deflate), ${clients} clients on each of two small servers`,
    uncompressed: (bytes: string, time: string, kib: string) =>
      `without compression: ${bytes} bytes per delivery, last receiver after ${time}, memory +${kib} KiB per connection`,
    compressed: (bytes: string, time: string, kib: string) =>
      `with compression:    ${bytes} bytes per delivery, last receiver after ${time}, memory +${kib} KiB per connection (zlib contexts)`,
    compressionAdvice:
      'compression pays for large, repetitive text on slow links; ws compresses a broadcast once per client and keeps a zlib context per connection, so the chat server leaves it off by default',
    step6: 'Step 6: binary frames',
    binarySizes: (imageBytes: number, textFrame: number, binaryFrame: number) =>
      `a picture of ${imageBytes} bytes, as base64 inside a JSON text frame: ${textFrame} bytes on the wire; as a binary frame: ${binaryFrame} bytes`,
    binaryAdvice:
      'binary frames suit data that is already bytes (images, audio, a binary encoding such as MessagePack); chat text stays in text frames, which the browser hands over as strings',
    done: 'all clients and servers are closed; the process exits by itself',
  },
  ja: {
    invalidClients: (value: string, min: number, max: number) =>
      `lesson 13: --clients の値 "${value}" は無効です。${min} から ${max} までの整数を指定してください`,
    tooManyFiles: (needed: number) =>
      `lesson 13: このプロセスのファイルディスクリプタが足りなくなりました（EMFILE）。このシェルで "ulimit -n ${needed}" を実行して上限を上げるか、小さい --clients を指定してください`,
    connectFailed: (detail: string) =>
      `lesson 13: クライアントの接続に失敗しました（${detail}）。多くの接続を使うほかのプログラムを閉じてから、もう一度試してください`,
    listening: (url: string) =>
      `チャットサーバーが ${url} で待ち受けています。クライアントは同じプロセスで動きます`,
    step1: (clients: number, inFlight: number) =>
      `ステップ 1: ${clients} 個のクライアントが、同時に ${inFlight} 個ずつハンドシェイクして接続します`,
    connected: (clients: number, time: string) =>
      `${time} で ${clients} 本の接続が開き、すべて入室しました`,
    joinSummary: (clients: number, others: string, count: number) =>
      `${clients} 件の入室は、各クライアントに 1 つの通知として届きます（"…, … and ${others}"、count ${count}）。クライアントごとに ${clients} フレームではなく 1 フレームです`,
    step2: 'ステップ 2: 待機中の接続のコスト',
    memory: (totalMiB: string, perConnectionKiB: string) =>
      `プロセスのメモリ（RSS）は ${totalMiB} MiB 増えました。サーバー側とクライアント側を合わせて、接続 1 つあたり約 ${perConnectionKiB} KiB です`,
    threads: (clients: number, stackMiB: number, totalMiB: number) =>
      `接続ごとにスレッドを使うと、それぞれが ${stackMiB} MiB のスタックを確保します。${clients} スレッドで ${totalMiB} MiB のアドレス空間を確保し、カーネルがスレッドを切り替え続けます`,
    eventLoop:
      'ここでの待機中のソケットは、いくつかのオブジェクトとカーネルのバッファーだけです。1 つのイベントループが epoll（kqueue、IOCP）で、データが届いたソケットを待つので、待つこと自体にコストはかかりません',
    step3: 'ステップ 3: 1 回のブロードキャスト',
    broadcastTime: (clients: number, time: string, bytes: number) =>
      `c0 が "hello, everyone" を送ると、${clients} 個の受信者の最後の 1 つに ${time} で届きます（1 配信あたり ${bytes} バイト）`,
    perDelivery: (microseconds: string) =>
      `1 配信あたり約 ${microseconds} µs です。このプロセスで受信するクライアントの処理も含みます。サーバーはイベントを 1 回だけエンコードし、同じバイト列をすべてのソケットに書き込みます`,
    step4: (characters: number) => `ステップ 4: 大きなメッセージ（${characters} 文字）`,
    largeBroadcast: (bytes: number, clients: number, totalMiB: string, time: string) =>
      `1 配信は ${bytes} バイトなので、サーバーは ${clients} 個のコピー、合計 ${totalMiB} MiB を書き込みます。最後の受信者には ${time} で届きます`,
    largeCost:
      'ブロードキャストのコストは、サイズとクライアント数の積です。遅いクライアントの分のコピーは、読まれるまでサーバーに残ります（bufferedAmount）。そのため、サーバーは 1 MiB 遅れたクライアントを切断します',
    step5: (clients: number) =>
      `ステップ 5: 圧縮（permessage-deflate）。2 つの小さなサーバーに、それぞれ ${clients} 個のクライアントをつなぎます`,
    uncompressed: (bytes: string, time: string, kib: string) =>
      `圧縮なし: 1 配信あたり ${bytes} バイト、最後の受信者まで ${time}、メモリは接続 1 つあたり +${kib} KiB`,
    compressed: (bytes: string, time: string, kib: string) =>
      `圧縮あり: 1 配信あたり ${bytes} バイト、最後の受信者まで ${time}、メモリは接続 1 つあたり +${kib} KiB（zlib のコンテキスト）`,
    compressionAdvice:
      '圧縮が役に立つのは、遅い回線で大きな繰り返しの多いテキストを送るときです。ws はブロードキャストをクライアントごとに圧縮し、接続ごとに zlib のコンテキストを持ちます。そのため、チャットサーバーの既定では圧縮は無効です',
    step6: 'ステップ 6: バイナリフレーム',
    binarySizes: (imageBytes: number, textFrame: number, binaryFrame: number) =>
      `${imageBytes} バイトの画像を base64 にして JSON のテキストフレームで送ると ${textFrame} バイト、バイナリフレームなら ${binaryFrame} バイトです`,
    binaryAdvice:
      'バイナリフレームは、もともとバイト列のデータ（画像、音声、MessagePack のようなバイナリ形式）に向いています。チャットのテキストは、ブラウザーが文字列として渡すテキストフレームのままにします',
    done: 'すべてのクライアントとサーバーを閉じました。プロセスは自然に終了します',
  },
});
