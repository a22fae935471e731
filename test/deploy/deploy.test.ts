// The deployment files: every manifest parses, labels, selectors and ports agree, the probe paths
// are ones the real server serves, the grace period covers the drain, and the Dockerfile copies
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
  K8S_DIR,
  kustomizationResources,
  loadManifests,
  podTemplate,
  redisAddress,
  summariseManifests,
} from '../../chat/deploy/manifests.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { startTestServer } from '../chat-server/helpers.ts';
import { neutralEnv, REPO_ROOT } from '../support/run-lesson.ts';

const DOCKERFILE = path.join(REPO_ROOT, 'chat', 'deploy', 'Dockerfile');
const manifests = loadManifests();
const summary = summariseManifests(manifests);
const servers: ChatServer[] = [];

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

  it('uses sticky sessions and long proxy timeouts', () => {
    expect(summary.sessionAffinity).toBe('ClientIP');
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
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    engines: { node: string };
  };
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
    expect(instructions.filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM node:22-slim AS build',
      'FROM node:22-slim',
    ]);
    expect(dockerfile).toContain('npm ci --omit=dev');
    const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*\/healthz/);
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
