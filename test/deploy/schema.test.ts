// Validates every Kubernetes manifest of chat/deploy/k8s against the API's own JSON schemas, as
// packaged by kubernetes-models (Kubernetes 1.27 schemas), without a cluster or a network.
import { describe, expect, it } from 'vitest';

import { loadManifests, type Manifest } from '../../chat/deploy/manifests.ts';

interface Validatable {
  validate(): void;
}

type ModelClass = new (value: Record<string, unknown>) => Validatable;

/** Loads the model class of a manifest's apiVersion and kind, e.g. `apps/v1` + `Deployment`. */
async function modelFor(manifest: Manifest): Promise<ModelClass | undefined> {
  const module = (await import(`kubernetes-models/${manifest.apiVersion}`)) as Record<
    string,
    unknown
  >;
  return module[manifest.kind] as ModelClass | undefined;
}

const manifests = loadManifests();

describe('kubernetes manifests', () => {
  it('include every kind the deployment needs', () => {
    const kinds = manifests.map((manifest) => manifest.kind).sort();
    expect(kinds).toEqual(
      expect.arrayContaining(['Deployment', 'Ingress', 'Namespace', 'Service', 'StatefulSet']),
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
