import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryLookups } from './memory.js';

describe('createMemoryLookups', () => {
  const lookups = createMemoryLookups({
    resources: [
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'a' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow', namespace: 'b' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
    ],
    images: [{ image: 'docker.io/library/busybox:1.36', config: { User: 'nobody' } }],
  });

  it('finds objects by REST resource name, namespace and name', () => {
    assert.equal(lookups.getResource('networking.k8s.io/v1', 'networkpolicies', 'a', 'deny')?.['kind'], 'NetworkPolicy');
    assert.equal(lookups.getResource('networking.k8s.io/v1', 'networkpolicies', 'b', 'deny'), undefined);
    assert.equal(lookups.getResource('v1', 'namespaces', '', 'a')?.['kind'], 'Namespace');
    assert.equal(lookups.listResources('networking.k8s.io/v1', 'networkpolicies', '')?.length, 2);
    assert.equal(lookups.listResources('networking.k8s.io/v1beta1', 'networkpolicies', '')?.length, 0);
  });

  it('matches image metadata by normalised reference and never resolves http', () => {
    assert.equal(lookups.imageMetadata('busybox:1.36')?.['image'], 'docker.io/library/busybox:1.36');
    assert.equal(lookups.imageMetadata('busybox:1.35'), undefined);
    assert.equal(lookups.http({ method: 'GET', url: 'https://example.com' }), undefined);
  });
});
