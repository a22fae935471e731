// Output of lesson 15 in English and Japanese.

import { defineCatalogue } from '../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    reading: (files: string) => `kustomization.yaml lists: ${files}`,
    manifest: (kind: string, name: string, file: string) => `  ${kind} ${name} (${file})`,
    checksPassed: 'labels, selectors, ports and names agree across the manifests',
    checkFailed: (problem: string) => `problem: ${problem}`,
    replicas: (count: number) =>
      `Deployment: ${count} replicas of the chat server, rolled one at a time (maxUnavailable 0)`,
    probes: (readiness: string, liveness: string) =>
      `probes: readiness ${readiness} (503 while draining or while Redis is down), liveness ${liveness} (only "the process answers")`,
    drain: (preStop: number, grace: number) =>
      `drain: preStop waits ${preStop} s for endpoints to update, then SIGTERM closes sockets with 1001; terminationGracePeriodSeconds ${grace} s covers it`,
    image: (image: string) =>
      `image: ${image}, from the images: entry of kustomization.yaml (set it to your registry and the version you pushed)`,
    affinity: (mode: string, cookie: string, serviceAffinity: string) =>
      `Ingress: ${mode} affinity (cookie ${cookie}) keeps a browser's reconnects on one pod while it lives; the Service's sessionAffinity is ${serviceAffinity}, because ingress-nginx routes to the pods itself`,
    routes: (host: string, secret: string, routes: string, internal: string) =>
      `Ingress: https://${host} (TLS secret ${secret}) routes ${routes}; ${internal} stay inside the cluster`,
    route: (path: string, pathType: string) => `${path} (${pathType})`,
    listSeparator: ', ',
    internalExposed: (paths: string) =>
      `problem: the Ingress makes ${paths} public; route only /, /assets and /chat`,
    timeouts: (read: number, send: number) =>
      `Ingress: proxy-read-timeout ${read} s, proxy-send-timeout ${send} s, so idle sockets are not cut at the 60 s default`,
    stickyIsNotEnough:
      'sticky sessions choose a pod; they do not make three pods one chat: each pod only sees its own sockets',
    redis: (url: string, replicas: number) =>
      `Redis layer: REDIS_URL=${url} (${replicas} StatefulSet pod) carries sequence numbers, history, dedupe, presence and pub/sub for every pod`,
  },
  ja: {
    reading: (files: string) => `kustomization.yaml に並ぶファイル: ${files}`,
    manifest: (kind: string, name: string, file: string) => `  ${kind} ${name}（${file}）`,
    checksPassed: 'マニフェスト間でラベル、セレクター、ポート、名前が一致しています',
    checkFailed: (problem: string) => `問題: ${problem}`,
    replicas: (count: number) =>
      `Deployment: チャットサーバーのレプリカは ${count} 個で、1 つずつ入れ替えます（maxUnavailable 0）`,
    probes: (readiness: string, liveness: string) =>
      `プローブ: readiness は ${readiness}（終了処理中と Redis 停止中は 503）、liveness は ${liveness}（「プロセスが応答する」だけを確かめます）`,
    drain: (preStop: number, grace: number) =>
      `終了処理: preStop がエンドポイントの更新を ${preStop} 秒待ち、その後 SIGTERM でソケットを 1001 で閉じます。terminationGracePeriodSeconds の ${grace} 秒がこれを覆います`,
    image: (image: string) =>
      `イメージ: ${image}（kustomization.yaml の images: で決まります。自分のレジストリと push したバージョンに書き換えてください）`,
    affinity: (mode: string, cookie: string, serviceAffinity: string) =>
      `Ingress: ${mode} アフィニティ（cookie ${cookie}）で、Pod が生きている間はブラウザーの再接続が同じ Pod に届きます。ingress-nginx は自分で Pod に振り分けるので、Service の sessionAffinity は ${serviceAffinity} です`,
    routes: (host: string, secret: string, routes: string, internal: string) =>
      `Ingress: https://${host}（TLS シークレット ${secret}）が転送するのは ${routes}です。${internal} はクラスターの中からしか届きません`,
    route: (path: string, pathType: string) => `${path}（${pathType}）`,
    listSeparator: '、',
    internalExposed: (paths: string) =>
      `問題: Ingress が ${paths} を公開しています。/、/assets、/chat だけを転送してください`,
    timeouts: (read: number, send: number) =>
      `Ingress: proxy-read-timeout ${read} 秒、proxy-send-timeout ${send} 秒なので、アイドルのソケットが既定の 60 秒で切られません`,
    stickyIsNotEnough:
      'スティッキーセッションは Pod を選ぶだけで、3 つの Pod を 1 つのチャットにはしません。各 Pod は自分のソケットしか見えません',
    redis: (url: string, replicas: number) =>
      `Redis 層: REDIS_URL=${url}（StatefulSet の Pod ${replicas} 個）が、すべての Pod のためにシーケンス番号、履歴、重複排除、プレゼンス、pub/sub を担います`,
  },
});
