// Validates every Kubernetes manifest of chat/deploy/k8s against the API's own JSON schemas, as
// packaged by kubernetes-models (Kubernetes 1.27 schemas), without a cluster or a network.
import { describe, expect, it } from 'vitest';

import { loadManifests, type Manifest } from '../../chat/deploy/manifests.ts';

interface Validatable {
  validate(): void;
}

type ModelClass = new (value: Record<string, unknown>) => Validatable;

/**
 * The kubernetes-models module of each apiVersion the manifests use. Static imports let the
 * bundler resolve them; a manifest with another apiVersion fails the schema test by name.
 */
const MODEL_MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  v1: () => import('kubernetes-models/v1'),
  'apps/v1': () => import('kubernetes-models/apps/v1'),
  'networking.k8s.io/v1': () => import('kubernetes-models/networking.k8s.io/v1'),
};

/** Loads the model class of a manifest's apiVersion and kind, e.g. `apps/v1` + `Deployment`. */
async function modelFor(manifest: Manifest): Promise<ModelClass | undefined> {
  const load = MODEL_MODULES[manifest.apiVersion];
  if (!load) return undefined;
  return (await load())[manifest.kind] as ModelClass | undefined;
}

const manifests = loadManifests();

describe('kubernetes manifests', () => {
  it('include every kind the deployment needs', () => {
    const kinds = manifests.map((manifest) => manifest.kind).sort();
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment',
        'Ingress',
        'Namespace',
        'NetworkPolicy',
        'Service',
        'StatefulSet',
      ]),
    );
  });

  it.each(manifests.map((manifest) => [`${manifest.kind} ${manifest.metadata.name}`, manifest]))(
    '%s matches the Kubernetes schema',
    async (_name, manifest) => {
      const Model = await modelFor(manifest);
      expect(Model, `no schema for ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();

      const { file: _file, ...value } = manifest;
      expect(() => new Model!(value).validate()).not.toThrow();
    },
  );

  it('rejects a manifest that breaks the schema', async () => {
    const deployment = manifests.find((manifest) => manifest.kind === 'Deployment')!;
    const Model = (await modelFor(deployment))!;
    const { file: _file, ...value } = deployment;
    const broken = { ...value, spec: { ...value.spec, replicas: 'three' } };

    expect(() => new Model(broken).validate()).toThrow(/replicas/);
  });
});
