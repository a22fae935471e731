// Check of exercise 15: parses the student's chat.yaml with the `yaml` package and applies the
// rules that a cleanly draining, correctly routed chat needs. The grace period is compared with
// the drain computed from the student's own preStop sleep and stagger, not with a fixed number.

import { readFileSync } from 'node:fs';

import { parseAllDocuments } from 'yaml';

import { DEFAULT_CONFIG } from '../../../chat/server/config.ts';
import { CLOSE_GRACE_MS } from '../../../chat/server/shutdown.ts';
import { pick } from '../../../shared/i18n.ts';
import type { Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type Text = typeof messages.en;

/** The server's forced exit comes this long after the stagger and the close grace (chat/server/main.ts). */
const SERVER_EXIT_MARGIN_S = 3;

/** Reads a nested field without trusting the student's YAML to have any of its parents. */
function field(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function show(value: unknown, t: Text): string {
  if (value === undefined || value === null) return t.absent;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Returns one sentence per broken rule, in the order a reader of the file meets them. */
function findProblems(documents: unknown[], t: Text): string[] {
  const deployment = documents.find((document) => field(document, 'kind') === 'Deployment');
  const service = documents.find((document) => field(document, 'kind') === 'Service');
  if (!deployment) return [t.missingManifest('Deployment')];
  if (!service) return [t.missingManifest('Service')];

  const problems: string[] = [];
  const podSpec = field(deployment, 'spec', 'template', 'spec');
  const containers = field(podSpec, 'containers');
  const container = Array.isArray(containers) ? containers[0] : undefined;
  if (!container) return [t.missingField('spec.template.spec.containers')];

  const readinessPath = field(container, 'readinessProbe', 'httpGet', 'path');
  if (readinessPath !== '/readyz') problems.push(t.wrongReadinessPath(show(readinessPath, t)));
  const livenessPath = field(container, 'livenessProbe', 'httpGet', 'path');
  if (livenessPath !== '/healthz') problems.push(t.wrongLivenessPath(show(livenessPath, t)));

  problems.push(...checkGracePeriod(podSpec, container, t));

  const selector = field(service, 'spec', 'selector');
  const podLabels = field(deployment, 'spec', 'template', 'metadata', 'labels');
  if (selector === null || typeof selector !== 'object') {
    problems.push(t.missingField('Service spec.selector'));
  } else {
    for (const [key, value] of Object.entries(selector)) {
      const podValue = field(podLabels, key);
      if (podValue !== value)
        problems.push(t.selectorMismatch(key, show(value, t), show(podValue, t)));
    }
  }

  const affinity = field(service, 'spec', 'sessionAffinity');
  if (affinity !== undefined && affinity !== 'None')
    problems.push(t.wrongAffinity(show(affinity, t)));
  return problems;
}

/** Compares terminationGracePeriodSeconds with preStop + stagger + close grace + exit margin. */
function checkGracePeriod(podSpec: unknown, container: unknown, t: Text): string[] {
  const command = field(container, 'lifecycle', 'preStop', 'exec', 'command');
  const preStopSeconds =
    Array.isArray(command) && command[0] === 'sleep' ? Number(command[1]) : Number.NaN;
  if (!Number.isFinite(preStopSeconds) || preStopSeconds < 0) return [t.missingPreStop];

  const env = field(container, 'env');
  const stagger = Array.isArray(env)
    ? env.find((variable) => field(variable, 'name') === 'LOOPCHAT_SHUTDOWN_STAGGER_MS')
    : undefined;
  const staggerValue = field(stagger, 'value') ?? String(DEFAULT_CONFIG.shutdownStaggerMs);
  const staggerMs = Number(staggerValue);
  if (!Number.isFinite(staggerMs) || staggerMs < 0)
    return [t.invalidStagger(show(staggerValue, t))];

  const staggerSeconds = staggerMs / 1000;
  const needSeconds = Math.ceil(
    preStopSeconds + staggerSeconds + CLOSE_GRACE_MS / 1000 + SERVER_EXIT_MARGIN_S,
  );
  // Kubernetes waits 30 s when the field is absent.
  const grace = field(podSpec, 'terminationGracePeriodSeconds') ?? 30;
  if (typeof grace === 'number' && grace >= needSeconds) return [];
  return [t.graceTooShort(show(grace, t), needSeconds, preStopSeconds, staggerSeconds)];
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const text = readFileSync(context.file('chat.yaml'), 'utf8');

  const parsed = parseAllDocuments(text);
  const documents: unknown[] = [];
  for (const document of Array.isArray(parsed) ? parsed : [parsed]) {
    const error = document.errors[0];
    if (error)
      return { ok: false, problem: t.invalidYaml(error.message.split('\n')[0]!.replace(/:$/, '')) };
    documents.push(document.toJS());
  }

  const [first, ...rest] = findProblems(documents, t);
  if (first === undefined) return { ok: true };
  return { ok: false, problem: rest.length > 0 ? first + t.moreProblems(rest.length) : first };
};

export default check;
