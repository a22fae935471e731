/**
 * Lesson 15: deploy to Kubernetes.
 *
 * Run it:  npm run lesson 15
 *
 * The lesson reads the real manifests of chat/deploy/k8s through their kustomization, checks
 * that they agree with each other, and prints what each one decides. Nothing is deployed: the
 * README walks through each file, and `kubectl apply -k chat/deploy/k8s` applies them.
 *
 * Watch for three things:
 * 1. Readiness and liveness are different questions: "send me new clients?" and "restart me?".
 * 2. The drain needs time: preStop, then the staggered 1001 closes, inside the grace period.
 * 3. Sticky sessions pick a pod; only the Redis layer turns three pods into one chat.
 */

import {
  checkManifests,
  loadManifests,
  routeMatches,
  summariseManifests,
} from '../../chat/deploy/manifests.ts';
import { log, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

/** Server endpoints for Prometheus and the kubelet, which the Ingress must not make public. */
const INTERNAL_PATHS = ['/metrics', '/healthz', '/readyz'];

// Step 1: the manifests, in the order the kustomization applies them.
const manifests = loadManifests();
log(t.reading([...new Set(manifests.map((manifest) => manifest.file))].join(', ')));
for (const manifest of manifests)
  log(t.manifest(manifest.kind, manifest.metadata.name, manifest.file));

// Step 2: the cross-checks a typo would break (a selector that matches nothing is silent in
// Kubernetes: the Service simply has no endpoints).
const problems = checkManifests(manifests);
if (problems.length === 0) log(t.checksPassed);
for (const problem of problems) log(t.checkFailed(problem));

// Step 3: what each manifest decides.
const summary = summariseManifests(manifests);
log(t.replicas(summary.replicas));
log(t.image(summary.image));
log(t.probes(summary.readinessPath, summary.livenessPath));
log(t.drain(summary.preStopSeconds, summary.terminationGracePeriodSeconds));
const routed = summary.routes
  .map((route) => t.route(route.path, route.pathType))
  .join(t.listSeparator);
const exposed = INTERNAL_PATHS.filter((internalPath) =>
  summary.routes.some((route) => routeMatches(route, internalPath)),
);
const host = summary.routes[0]?.host ?? '*';
if (exposed.length > 0) log(t.internalExposed(exposed.join(t.listSeparator)));
else log(t.routes(host, summary.tlsSecretName, routed, INTERNAL_PATHS.join(t.listSeparator)));
log(
  t.affinity(summary.ingressAffinity, summary.affinityCookieName, summary.serviceSessionAffinity),
);
log(t.timeouts(summary.proxyReadTimeoutSeconds, summary.proxySendTimeoutSeconds));

// Step 4: why the Redis layer is there.
log(t.stickyIsNotEnough);
log(t.redis(summary.redisUrl, summary.redisReplicas));
