// Failure messages of the exercise 15 check, in English and Japanese. Each names the field in
// plain words and states the value it expects.

import { defineCatalogue } from '../../../shared/i18n.ts';

export const messages = defineCatalogue({
  en: {
    invalidYaml: (detail: string) =>
      `chat.yaml is not valid YAML: ${detail}. Fix the indentation or brackets there`,
    missingManifest: (kind: string) =>
      `chat.yaml contains no ${kind}: keep the ${kind} document, separated from the other by ---`,
    missingField: (field: string) => `${field} is missing`,
    wrongReadinessPath: (path: string) =>
      `the readiness probe path (readinessProbe.httpGet.path) is "${path}", expected "/readyz": only /readyz turns to 503 while the server drains`,
    wrongLivenessPath: (path: string) =>
      `the liveness probe path (livenessProbe.httpGet.path) is "${path}", expected "/healthz": a restart does not fix a draining server or a missing Redis`,
    missingPreStop:
      "the preStop hook (lifecycle.preStop.exec.command) is missing or not ['sleep', 'N']: keep it, so the Service stops routing to the pod before SIGTERM",
    invalidStagger: (value: string) =>
      `LOOPCHAT_SHUTDOWN_STAGGER_MS is "${value}", which is not a number of milliseconds`,
    graceTooShort: (grace: string, need: number, preStop: number, stagger: number) =>
      `the grace period (terminationGracePeriodSeconds) is ${grace}, but the drain needs ${need} s (preStop ${preStop} s + stagger ${stagger} s + close grace 2 s + server margin 3 s): set it to at least ${need}`,
    selectorMismatch: (key: string, value: string, podValue: string) =>
      `the Service selector ${key}: ${value} matches no pod: the pod template's label ${key} is ${podValue}`,
    wrongAffinity: (value: string) =>
      `the Service's sessionAffinity is ${value}, expected None or absent: an ingress proxy connects from its own IP, so ClientIP sends every client behind it to one pod`,
    moreProblems: (count: number) =>
      count === 1
        ? ' (1 more rule fails after this one)'
        : ` (${count} more rules fail after this one)`,
    absent: '(absent)',
  },
  ja: {
    invalidYaml: (detail: string) =>
      `chat.yaml は正しい YAML ではありません: ${detail}。その場所のインデントや括弧を直してください`,
    missingManifest: (kind: string) =>
      `chat.yaml に ${kind} がありません。${kind} のドキュメントを残し、ほかのドキュメントと --- で区切ってください`,
    missingField: (field: string) => `${field} がありません`,
    wrongReadinessPath: (path: string) =>
      `readiness probe のパス（readinessProbe.httpGet.path）が "${path}" ですが、期待値は "/readyz" です。サーバーが drain 中に 503 を返すのは /readyz だけです`,
    wrongLivenessPath: (path: string) =>
      `liveness probe のパス（livenessProbe.httpGet.path）が "${path}" ですが、期待値は "/healthz" です。drain 中のサーバーや Redis の不在は、再起動では直りません`,
    missingPreStop:
      "preStop フック（lifecycle.preStop.exec.command）がないか、['sleep', 'N'] の形ではありません。SIGTERM の前に Service がこの Pod への振り分けをやめられるよう、残してください",
    invalidStagger: (value: string) =>
      `LOOPCHAT_SHUTDOWN_STAGGER_MS が "${value}" ですが、これはミリ秒の数値ではありません`,
    graceTooShort: (grace: string, need: number, preStop: number, stagger: number) =>
      `猶予期間（terminationGracePeriodSeconds）が ${grace} ですが、drain には ${need} 秒かかります（preStop ${preStop} 秒 + 段階的クローズ ${stagger} 秒 + close の猶予 2 秒 + サーバーの余裕 3 秒）。${need} 以上にしてください`,
    selectorMismatch: (key: string, value: string, podValue: string) =>
      `Service のセレクター ${key}: ${value} に一致する Pod がありません。Pod テンプレートのラベル ${key} は ${podValue} です`,
    wrongAffinity: (value: string) =>
      `Service の sessionAffinity が ${value} ですが、期待値は None か指定なしです。Ingress のプロキシは自分の IP から接続するので、ClientIP ではその後ろのすべてのクライアントが 1 つの Pod に送られます`,
    moreProblems: (count: number) => `（このほかに ${count} 個の規則が満たされていません）`,
    absent: '（なし）',
  },
});
