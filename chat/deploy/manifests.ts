// Reads the Kubernetes manifests of chat/deploy/k8s (through their kustomization) and checks that
// they agree with each other: selectors match pod labels, the Service targets a container port,
// the Ingress targets the Service, network policies select existing pods, and the grace period
// covers the drain. Lesson 15 prints the summary, and the deploy tests assert it against the
// running server.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseAllDocuments } from 'yaml';

export const K8S_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'k8s');

/** A parsed manifest: only the fields the checks read are typed. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  /** File the manifest came from, relative to K8S_DIR. */
  file: string;
}

interface Probe {
  httpGet?: { path: string; port: string | number };
  periodSeconds?: number;
  failureThreshold?: number;
}

interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
}

/** One entry of the kustomization's `images:` list, which rewrites a container's image. */
export interface KustomizationImage {
  name: string;
  newName?: string;
  newTag?: string;
}

interface Kustomization {
  resources?: string[];
  images?: KustomizationImage[];
}

function readKustomization(directory: string): Kustomization {
  const text = readFileSync(path.join(directory, 'kustomization.yaml'), 'utf8');
  const documents = parseAllDocuments(text);
  return (documents[0]?.toJS() as Kustomization | undefined) ?? {};
}

/** Returns the file names listed under `resources` in kustomization.yaml. */
export function kustomizationResources(directory = K8S_DIR): string[] {
  return readKustomization(directory).resources ?? [];
}

/** Returns the `images:` entries of kustomization.yaml. */
export function kustomizationImages(directory = K8S_DIR): KustomizationImage[] {
  return readKustomization(directory).images ?? [];
}

/**
 * Returns the image reference that `kubectl apply -k` deploys for a container's `image`: the
 * matching `images:` entry (by name, without tag) replaces the name and the tag.
 */
export function resolveImage(image: string, entries: KustomizationImage[]): string {
  const tagAt = image.lastIndexOf(':');
  const hasTag = tagAt > image.lastIndexOf('/');
  const name = hasTag ? image.slice(0, tagAt) : image;
  const tag = hasTag ? image.slice(tagAt + 1) : undefined;
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) return image;

  const newTag = entry.newTag ?? tag;
  return `${entry.newName ?? name}${newTag === undefined ? '' : `:${newTag}`}`;
}

/** Parses every document of every kustomization resource; a YAML error throws with the file name. */
export function loadManifests(directory = K8S_DIR): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of kustomizationResources(directory)) {
    const text = readFileSync(path.join(directory, file), 'utf8');
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0)
        throw new Error(`invalid YAML in ${file}: ${document.errors[0]!.message}`);
      const value = document.toJS() as Omit<Manifest, 'file'> | null;
      if (value) manifests.push({ ...value, file });
    }
  }
  return manifests;
}

/** Returns the one manifest of a kind and name, or throws naming what is missing. */
export function findManifest(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((item) => item.kind === kind && item.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in ${K8S_DIR}`);
  return found;
}

export function podTemplate(workload: Manifest): PodTemplate {
  return (workload.spec as { template: PodTemplate }).template;
}

/** One path of an Ingress rule, with the host it belongs to. */
export interface IngressRoute {
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
}

interface IngressSpec {
  tls?: { hosts?: string[]; secretName?: string }[];
  rules: {
    host?: string;
    http: {
      paths: {
        path: string;
        pathType: IngressRoute['pathType'];
        backend: { service: { name: string; port: { name?: string; number?: number } } };
      }[];
    };
  }[];
}

/** Returns every host and path an Ingress routes, in the order of its rules. */
export function ingressRoutes(ingress: Manifest): IngressRoute[] {
  return (ingress.spec as unknown as IngressSpec).rules.flatMap((rule) =>
    rule.http.paths.map((entry) => ({
      host: rule.host ?? '*',
      path: entry.path,
      pathType: entry.pathType,
    })),
  );
}

/**
 * Tells whether a route matches a request path, as the Ingress API defines it: Exact compares
 * the whole path, Prefix compares `/`-separated elements (`/chat` matches `/chat/x` but not
 * `/chatter`). ImplementationSpecific is treated as a plain string prefix, the widest reading,
 * so that a check for paths that must stay private errs on the safe side.
 */
export function routeMatches(route: IngressRoute, requestPath: string): boolean {
  if (route.pathType === 'Exact') return route.path === requestPath;
  if (route.pathType === 'ImplementationSpecific') return requestPath.startsWith(route.path);

  const routeElements = route.path.split('/').filter((element) => element !== '');
  const requestElements = requestPath.split('/').filter((element) => element !== '');
  return routeElements.every((element, index) => requestElements[index] === element);
}

/** The facts lesson 15 prints, read from the chat Deployment, Service and Ingress. */
export interface DeploySummary {
  replicas: number;
  readinessPath: string;
  livenessPath: string;
  containerPort: number;
  preStopSeconds: number;
  terminationGracePeriodSeconds: number;
  /** The chat image after the kustomization's `images:` rewrite. */
  image: string;
  serviceSessionAffinity: string;
  /** `nginx.ingress.kubernetes.io/affinity` of the Ingress, `none` when absent. */
  ingressAffinity: string;
  affinityCookieName: string;
  routes: IngressRoute[];
  tlsSecretName: string;
  proxyReadTimeoutSeconds: number;
  proxySendTimeoutSeconds: number;
  redisUrl: string;
  redisReplicas: number;
}

export function summariseManifests(
  manifests: Manifest[],
  images: KustomizationImage[] = kustomizationImages(),
): DeploySummary {
  const deployment = findManifest(manifests, 'Deployment', 'loopchat');
  const service = findManifest(manifests, 'Service', 'loopchat');
  const ingress = findManifest(manifests, 'Ingress', 'loopchat');
  const redis = findManifest(manifests, 'StatefulSet', 'loopchat-redis');
  const template = podTemplate(deployment);
  const container = template.spec.containers[0]!;
  const serviceSpec = service.spec as { sessionAffinity?: string };
  const ingressSpec = ingress.spec as unknown as IngressSpec;
  const annotations = ingress.metadata.annotations ?? {};
  const preStop = container.lifecycle?.preStop?.exec?.command ?? [];

  return {
    replicas: Number((deployment.spec as { replicas?: number }).replicas ?? 1),
    readinessPath: container.readinessProbe?.httpGet?.path ?? '',
    livenessPath: container.livenessProbe?.httpGet?.path ?? '',
    containerPort: container.ports?.[0]?.containerPort ?? 0,
    preStopSeconds: preStop[0] === 'sleep' ? Number(preStop[1]) : 0,
    terminationGracePeriodSeconds: template.spec.terminationGracePeriodSeconds ?? 30,
    image: resolveImage(container.image ?? '', images),
    serviceSessionAffinity: serviceSpec.sessionAffinity ?? 'None',
    ingressAffinity: annotations['nginx.ingress.kubernetes.io/affinity'] ?? 'none',
    affinityCookieName: annotations['nginx.ingress.kubernetes.io/session-cookie-name'] ?? '',
    routes: ingressRoutes(ingress),
    tlsSecretName: ingressSpec.tls?.[0]?.secretName ?? '',
    proxyReadTimeoutSeconds: Number(
      annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? 60,
    ),
    proxySendTimeoutSeconds: Number(
      annotations['nginx.ingress.kubernetes.io/proxy-send-timeout'] ?? 60,
    ),
    redisUrl: container.env?.find((variable) => variable.name === 'REDIS_URL')?.value ?? '',
    redisReplicas: Number((redis.spec as { replicas?: number }).replicas ?? 1),
  };
}

/**
 * Returns every disagreement between the manifests, one line each; an empty list means the
 * labels, selectors, ports and names line up.
 */
export function checkManifests(manifests: Manifest[]): string[] {
  const problems: string[] = [];

  for (const workload of manifests.filter((item) =>
    ['Deployment', 'StatefulSet'].includes(item.kind),
  )) {
    const selector = (workload.spec as { selector: { matchLabels: Record<string, string> } })
      .selector.matchLabels;
    const labels = podTemplate(workload).metadata.labels;
    for (const [key, value] of Object.entries(selector)) {
      if (labels[key] !== value)
        problems.push(
          `${workload.kind} ${workload.metadata.name}: selector ${key}=${value} does not match its pod labels`,
        );
    }
  }

  const workloads = manifests.filter((item) => ['Deployment', 'StatefulSet'].includes(item.kind));
  for (const service of manifests.filter((item) => item.kind === 'Service')) {
    const spec = service.spec as {
      selector: Record<string, string>;
      ports: { name?: string; targetPort: string | number }[];
    };
    const target = workloads.find((workload) =>
      Object.entries(spec.selector).every(
        ([key, value]) => podTemplate(workload).metadata.labels[key] === value,
      ),
    );
    if (!target) {
      problems.push(`Service ${service.metadata.name}: its selector matches no pod template`);
      continue;
    }
    const containerPorts = podTemplate(target).spec.containers.flatMap(
      (container) => container.ports ?? [],
    );
    for (const port of spec.ports) {
      const found = containerPorts.some((containerPort) =>
        typeof port.targetPort === 'number'
          ? containerPort.containerPort === port.targetPort
          : containerPort.name === port.targetPort,
      );
      if (!found)
        problems.push(
          `Service ${service.metadata.name}: targetPort ${port.targetPort} is not a container port of ${target.metadata.name}`,
        );
    }
  }

  for (const ingress of manifests.filter((item) => item.kind === 'Ingress')) {
    const rules = (ingress.spec as unknown as IngressSpec).rules;
    for (const backend of rules.flatMap((rule) =>
      rule.http.paths.map((entry) => entry.backend.service),
    )) {
      const service = manifests.find(
        (item) => item.kind === 'Service' && item.metadata.name === backend.name,
      );
      const ports =
        (service?.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? [];
      const found = ports.some((port) =>
        backend.port.name !== undefined
          ? port.name === backend.port.name
          : port.port === backend.port.number,
      );
      if (!found)
        problems.push(
          `Ingress ${ingress.metadata.name}: backend ${backend.name}:${backend.port.name ?? backend.port.number} is not a Service port`,
        );
    }
  }

  problems.push(...checkNetworkPolicies(manifests, workloads));
  return problems;
}

/**
 * Returns one problem per NetworkPolicy selector that matches no pod template, because Kubernetes
 * accepts such a policy although it protects nothing.
 */
function checkNetworkPolicies(manifests: Manifest[], workloads: Manifest[]): string[] {
  const problems: string[] = [];
  const selectsPods = (matchLabels: Record<string, string>) =>
    workloads.some((workload) =>
      Object.entries(matchLabels).every(
        ([key, value]) => podTemplate(workload).metadata.labels[key] === value,
      ),
    );

  for (const policy of manifests.filter((item) => item.kind === 'NetworkPolicy')) {
    const spec = policy.spec as {
      podSelector: { matchLabels?: Record<string, string> };
      ingress?: { from?: { podSelector?: { matchLabels?: Record<string, string> } }[] }[];
    };
    if (!selectsPods(spec.podSelector.matchLabels ?? {}))
      problems.push(
        `NetworkPolicy ${policy.metadata.name}: its podSelector matches no pod template`,
      );
    for (const peer of (spec.ingress ?? []).flatMap((rule) => rule.from ?? [])) {
      const labels = peer.podSelector?.matchLabels;
      if (labels && !selectsPods(labels))
        problems.push(
          `NetworkPolicy ${policy.metadata.name}: the ingress podSelector ${JSON.stringify(labels)} matches no pod template`,
        );
    }
  }
  return problems;
}

/** Returns `host` and `port` of a redis:// URL, to compare with the Redis Service. */
export function redisAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}
