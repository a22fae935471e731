// The deployment files: every manifest parses, labels, selectors and ports agree, the probe paths
// are ones the real server serves, the grace period covers the drain, the Ingress publishes only
// what a browser needs, the pods meet Pod Security "restricted", and the Dockerfile copies
// sources that exist and starts the bundle that `npm run build:server` produces (there is no
// Docker on CI machines, so the bundle is built and started directly).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

import { DEFAULT_CONFIG } from '../../chat/server/config.ts';
import { CLOSE_GRACE_MS } from '../../chat/server/shutdown.ts';
import {
  checkManifests,
  findManifest,
  type IngressRoute,
  K8S_DIR,
  kustomizationImages,
  kustomizationResources,
  loadManifests,
  type Manifest,
  podTemplate,
  redisAddress,
  resolveImage,
  routeMatches,
  summariseManifests,
} from '../../chat/deploy/manifests.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { startTestServer } from '../chat-server/helpers.ts';
import { neutralEnv, REPO_ROOT } from '../support/run-lesson.ts';

const DOCKERFILE = path.join(REPO_ROOT, 'chat', 'deploy', 'Dockerfile');
const manifests = loadManifests();
const summary = summariseManifests(manifests);
const servers: ChatServer[] = [];
const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  engines: { node: string };
};

/** Server endpoints for Prometheus and the kubelet: no Ingress path may match them. */
const INTERNAL_PATHS = ['/metrics', '/metrics/', '/healthz', '/readyz'];
/** What a browser requests: the page, its hashed files and the WebSocket endpoint. */
const BROWSER_PATHS = ['/', '/assets/index-D4qEV5et.js', '/assets/index-Djn1384v.css', '/chat'];

/** The Pod Security "restricted" fields of a pod and its containers. */
interface SecuredPodSpec {
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    seccompProfile?: { type: string };
  };
  containers: {
    name: string;
    image: string;
    args?: string[];
    resources?: { limits?: Record<string, string> };
    volumeMounts?: { name: string; mountPath: string }[];
    securityContext?: {
      allowPrivilegeEscalation?: boolean;
      readOnlyRootFilesystem?: boolean;
      capabilities?: { drop?: string[] };
    };
  }[];
}

function securedPodSpec(workload: Manifest): SecuredPodSpec {
  return podTemplate(workload).spec as unknown as SecuredPodSpec;
}

/** Converts a Kubernetes memory quantity (`256Mi`) or a Redis size (`200mb`) to bytes. */
function toBytes(size: string): number {
  const match = /^(\d+)(Ki|Mi|Gi|kb|mb|gb)?$/.exec(size);
  if (!match) throw new Error(`invalid size ${size}: use a number with Ki, Mi, Gi, kb, mb or gb`);
  // Redis reads kb, mb and gb as powers of 1024, as Kubernetes reads Ki, Mi and Gi.
  const exponent = { Ki: 1, kb: 1, Mi: 2, mb: 2, Gi: 3, gb: 3 }[match[2] ?? ''] ?? 0;
  return Number(match[1]) * 1024 ** exponent;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('kubernetes manifests', () => {
  it('parses every YAML file in the folder', () => {
    for (const file of readdirSync(K8S_DIR).filter((name) => name.endsWith('.yaml'))) {
      const documents = parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8'));
      for (const document of documents) expect(document.errors, file).toEqual([]);
    }
  });

  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(K8S_DIR).filter(
      (name) => name.endsWith('.yaml') && name !== 'kustomization.yaml',
    );
    expect(kustomizationResources().sort()).toEqual(files.sort());
  });

  it('agrees on labels, selectors and ports', () => {
    expect(checkManifests(manifests)).toEqual([]);
  });

  it('runs three chat replicas and one Redis', () => {
    expect(summary.replicas).toBe(3);
    expect(summary.redisReplicas).toBe(1);
  });

  it('probes paths the server serves', async () => {
    const server = await startTestServer();
    servers.push(server);

    for (const probePath of [summary.readinessPath, summary.livenessPath]) {
      const response = await fetch(`${server.url}${probePath}`);
      expect(response.status, probePath).toBe(200);
    }
    expect(summary.readinessPath).toBe('/readyz');
    expect(summary.livenessPath).toBe('/healthz');
  });

  it('gives the drain enough grace', () => {
    const deployment = findManifest(manifests, 'Deployment', 'loopchat');
    const env = podTemplate(deployment).spec.containers[0]!.env ?? [];
    const staggerMs = Number(
      env.find((variable) => variable.name === 'LOOPCHAT_SHUTDOWN_STAGGER_MS')?.value ??
        DEFAULT_CONFIG.shutdownStaggerMs,
    );
    const drainSeconds = summary.preStopSeconds + (staggerMs + CLOSE_GRACE_MS) / 1000;

    expect(summary.preStopSeconds).toBeGreaterThan(0);
    expect(summary.terminationGracePeriodSeconds).toBeGreaterThan(drainSeconds);
  });

  it('listens on the port the container declares', () => {
    const deployment = findManifest(manifests, 'Deployment', 'loopchat');
    const env = podTemplate(deployment).spec.containers[0]!.env ?? [];
    expect(env.find((variable) => variable.name === 'LOOPCHAT_PORT')?.value).toBe(
      String(summary.containerPort),
    );
    expect(env.find((variable) => variable.name === 'LOOPCHAT_HOST')?.value).toBe('0.0.0.0');
  });

  it('keeps stickiness in the Ingress cookie', () => {
    expect(summary.ingressAffinity).toBe('cookie');
    expect(summary.affinityCookieName).toBe('loopchat-node');
    expect(summary.serviceSessionAffinity).toBe('None');
  });

  it('uses long proxy timeouts', () => {
    // The proxy must not cut a socket between two server heartbeats.
    expect(summary.proxyReadTimeoutSeconds * 1000).toBeGreaterThan(
      DEFAULT_CONFIG.heartbeatIntervalMs,
    );
    expect(summary.proxySendTimeoutSeconds * 1000).toBeGreaterThan(
      DEFAULT_CONFIG.heartbeatIntervalMs,
    );
  });

  it('points REDIS_URL at the Redis Service', () => {
    const service = findManifest(manifests, 'Service', 'loopchat-redis');
    const ports = (service.spec as { ports: { port: number }[] }).ports;
    const address = redisAddress(summary.redisUrl);

    expect(address.host).toBe(service.metadata.name);
    expect(ports.map((port) => port.port)).toContain(address.port);
  });

  it('reports a NetworkPolicy that selects no pod', () => {
    const policy = findManifest(manifests, 'NetworkPolicy', 'loopchat-redis');
    const broken = {
      ...policy,
      spec: { ...policy.spec, podSelector: { matchLabels: { app: 'redis' } } },
    };
    const others = manifests.filter((manifest) => manifest !== policy);

    expect(checkManifests([...others, broken])).toEqual([
      'NetworkPolicy loopchat-redis: its podSelector matches no pod template',
    ]);
  });
});

describe('ingress routes', () => {
  const ingress = findManifest(manifests, 'Ingress', 'loopchat');

  it.each(INTERNAL_PATHS)('exposes no path that matches %s', (requestPath) => {
    const matching = summary.routes.filter((route) => routeMatches(route, requestPath));
    expect(matching).toEqual([]);
  });

  it.each(BROWSER_PATHS)('routes the browser request %s', (requestPath) => {
    expect(summary.routes.some((route) => routeMatches(route, requestPath))).toBe(true);
  });

  it('routes /, /assets and /chat only', () => {
    expect(summary.routes.map(({ path: routePath, pathType }) => [routePath, pathType])).toEqual([
      ['/', 'Exact'],
      ['/assets', 'Prefix'],
      ['/chat', 'Prefix'],
    ]);
  });

  it.each<[IngressRoute['pathType'], string, string, boolean]>([
    ['Exact', '/', '/', true],
    ['Exact', '/', '/metrics', false],
    ['Prefix', '/', '/metrics', true],
    ['Prefix', '/chat', '/chat', true],
    ['Prefix', '/chat', '/chat/', true],
    ['Prefix', '/chat', '/chat/room', true],
    ['Prefix', '/chat', '/chatter', false],
    ['Prefix', '/assets/', '/assets', true],
    ['ImplementationSpecific', '/chat', '/chatter', true],
  ])('matches %s %s against %s: %s', (pathType, routePath, requestPath, expected) => {
    const route: IngressRoute = { host: 'chat.example.com', path: routePath, pathType };
    expect(routeMatches(route, requestPath)).toBe(expected);
  });

  it('serves every routed host over TLS', () => {
    const spec = ingress.spec as { tls?: { hosts?: string[]; secretName?: string }[] };
    const tlsHosts = (spec.tls ?? []).flatMap((entry) => entry.hosts ?? []);

    expect(spec.tls?.length).toBeGreaterThan(0);
    for (const entry of spec.tls ?? []) expect(entry.secretName).toBeTruthy();
    for (const route of summary.routes) expect(tlsHosts, route.host).toContain(route.host);
  });

  it('serves the allowed origin', () => {
    const deployment = findManifest(manifests, 'Deployment', 'loopchat');
    const env = podTemplate(deployment).spec.containers[0]!.env ?? [];
    const origin = env.find((variable) => variable.name === 'LOOPCHAT_ALLOWED_ORIGINS')?.value;
    const url = new URL(origin ?? '');

    expect(url.protocol).toBe('https:');
    expect(summary.routes.map((route) => route.host)).toContain(url.hostname);
  });
});

describe('chat image', () => {
  it('comes from a registry with the package version as tag', () => {
    const [repository, tag] = summary.image.split(/:(?=[^/]+$)/);

    expect(repository).toBe('registry.example.com/loopchat');
    expect(tag).toBe(packageJson.version);
  });

  it('is named in the Deployment without a tag', () => {
    const deployment = findManifest(manifests, 'Deployment', 'loopchat');
    const image = securedPodSpec(deployment).containers[0]!.image;

    expect(image).toBe('loopchat');
    expect(kustomizationImages().map((entry) => entry.name)).toContain(image);
  });

  it.each([
    ['loopchat', 'registry.example.com/loopchat:0.1.0'],
    ['loopchat:latest', 'registry.example.com/loopchat:0.1.0'],
    ['redis:7.2-alpine', 'redis:7.2-alpine'],
    ['localhost:5000/loopchat', 'localhost:5000/loopchat'],
  ])('resolves %s to %s', (image, expected) => {
    const entries = [
      { name: 'loopchat', newName: 'registry.example.com/loopchat', newTag: '0.1.0' },
    ];
    expect(resolveImage(image, entries)).toBe(expected);
  });
});

describe('pod security', () => {
  const workloads = manifests.filter((item) => ['Deployment', 'StatefulSet'].includes(item.kind));

  it.each(workloads.map((workload) => [workload.metadata.name, workload]))(
    '%s meets the restricted profile',
    (_name, workload) => {
      const spec = securedPodSpec(workload);

      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      expect(spec.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
      for (const container of spec.containers) {
        expect(container.securityContext?.allowPrivilegeEscalation, container.name).toBe(false);
        expect(container.securityContext?.capabilities?.drop, container.name).toEqual(['ALL']);
        expect(container.securityContext?.readOnlyRootFilesystem, container.name).toBe(true);
      }
    },
  );

  it('runs Redis as the image user with its data on a volume', () => {
    const spec = securedPodSpec(findManifest(manifests, 'StatefulSet', 'loopchat-redis'));
    const mounts = spec.containers[0]!.volumeMounts ?? [];

    // uid 999 is the redis user of the official redis alpine image.
    expect(spec.securityContext?.runAsUser).toBe(999);
    expect(mounts.map((mount) => mount.mountPath)).toContain('/data');
  });
});

describe('redis', () => {
  const statefulSet = findManifest(manifests, 'StatefulSet', 'loopchat-redis');
  const container = securedPodSpec(statefulSet).containers[0]!;
  const args = container.args ?? [];
  const option = (name: string) => args[args.indexOf(name) + 1];

  it('caps maxmemory below the container limit', () => {
    const maxmemory = option('--maxmemory');
    const limit = container.resources?.limits?.memory;

    expect(maxmemory).toBeDefined();
    expect(limit).toBeDefined();
    expect(toBytes(maxmemory!)).toBeLessThan(toBytes(limit!));
    expect(option('--maxmemory-policy')).toBe('noeviction');
  });

  it('pins the image to a minor version', () => {
    expect(container.image).toMatch(/^redis:\d+\.\d+(\.\d+)?-alpine$/);
  });

  it('is governed by a headless Service', () => {
    const serviceName = (statefulSet.spec as { serviceName: string }).serviceName;
    const service = findManifest(manifests, 'Service', serviceName);

    expect((service.spec as { clusterIP?: string }).clusterIP).toBe('None');
  });

  it('accepts connections only from the chat pods on 6379', () => {
    const policy = findManifest(manifests, 'NetworkPolicy', 'loopchat-redis');
    const spec = policy.spec as {
      podSelector: { matchLabels: Record<string, string> };
      policyTypes: string[];
      ingress: {
        from: { podSelector?: { matchLabels: Record<string, string> } }[];
        ports: { protocol: string; port: number }[];
      }[];
    };
    const chatLabels = podTemplate(findManifest(manifests, 'Deployment', 'loopchat')).metadata
      .labels;

    expect(spec.podSelector.matchLabels).toEqual(podTemplate(statefulSet).metadata.labels);
    expect(spec.policyTypes).toEqual(['Ingress']);
    expect(spec.ingress).toHaveLength(1);
    expect(spec.ingress[0]!.from).toEqual([{ podSelector: { matchLabels: chatLabels } }]);
    expect(spec.ingress[0]!.ports).toEqual([
      { protocol: 'TCP', port: redisAddress(summary.redisUrl).port },
    ]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const buildServer = packageJson.scripts['build:server']!;
  const bundlePath = /--outfile=(\S+)/.exec(buildServer)![1]!;

  it('copies only sources that exist in the repository', () => {
    const copies = instructions.filter(
      (line) => line.startsWith('COPY ') && !line.includes('--from='),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources)
        expect(existsSync(path.join(REPO_ROOT, source)), source).toBe(true);
    }
  });

  it('runs every npm script it names', () => {
    const scripts = [...dockerfile.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect(scripts).toEqual(expect.arrayContaining(['build:client', 'build:server']));
    for (const script of scripts) expect(packageJson.scripts, script).toHaveProperty(script);
  });

  it('starts the server bundle as a non-root user', () => {
    expect(instructions).toContain('USER node');
    expect(instructions.at(-1)).toBe(`CMD ["node", "${bundlePath}"]`);
    expect(dockerfile).toContain('npm ci --omit=dev');
    const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*\/healthz/);
  });

  it('uses the Node major the project is tested on', () => {
    const engineMajor = /(\d+)/.exec(packageJson.engines.node)![1];
    const targetMajor = /--target=node(\d+)/.exec(buildServer)![1];

    expect(targetMajor).toBe(engineMajor);
    expect(instructions.filter((line) => line.startsWith('FROM '))).toEqual([
      `FROM node:${engineMajor}-slim AS build`,
      `FROM node:${engineMajor}-slim`,
    ]);
  });

  it('builds a bundle that serves the probes', async () => {
    // The same command line as `npm run build:server`, run from node_modules/.bin as npm would.
    const [command, ...args] = buildServer.split(/\s+/);
    const build = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', command!), args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);

    // The bundle runs without the tsx loader: plain `node`, as in the image.
    const child = spawn(process.execPath, [bundlePath, '--port', '0', '--lang', 'en'], {
      cwd: REPO_ROOT,
      env: neutralEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
        child.once('exit', (code) => reject(new Error(`bundle exited with ${code}: ${output}`)));
      });

      for (const probePath of ['/healthz', '/readyz', '/metrics']) {
        const response = await fetch(`${url}${probePath}`);
        expect(response.status, probePath).toBe(200);
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
