import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../../k8s/index.js';
import { createPolicyEngine } from '../../engine.js';
import { loadPolicyText } from '../../load/index.js';
import { createMemoryLookups } from '../../lookups/index.js';

const policy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: sync-secret-label
spec:
  rules:
  - name: label-secrets
    match:
      any:
      - resources:
          kinds: [ConfigMap]
          names: [trigger]
    mutate:
      targets:
      - apiVersion: v1
        kind: Secret
        namespace: "{{ request.object.metadata.namespace }}"
        selector:
          matchLabels:
            sync: "yes"
        preconditions:
          all:
          - key: "{{ target.metadata.name }}"
            operator: NotEquals
            value: frozen
      patchStrategicMerge:
        metadata:
          labels:
            from: "{{ request.object.metadata.name }}"
            self: "{{ target.metadata.name }}"
`;

const secret = (name: string, namespace: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace, labels } });
const existing = [secret('a', 'app', { sync: 'yes' }), secret('frozen', 'app', { sync: 'yes' }), secret('b', 'app', {}), secret('c', 'other', { sync: 'yes' })];

describe('mutate.targets', () => {
  const loaded = loadPolicyText('p.yaml', policy);
  const engine = createPolicyEngine({ policies: loaded.policies, lookups: createMemoryLookups({ resources: existing }) });

  it('patches the selected existing resources, seeing target and trigger', () => {
    const results = engine.evaluate(inMemoryResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'trigger', namespace: 'app' } }));
    assert.deepEqual(results.map((r) => [r.resource.name, r.status]), [['a', 'pass'], ['frozen', 'skip']]);
    const first = results[0];
    assert.deepEqual(first?.trigger?.name, 'trigger');
    assert.deepEqual(first?.patched?.['metadata'], { name: 'a', namespace: 'app', labels: { sync: 'yes', from: 'trigger', self: 'a' } });
  });

  it('skips the trigger when no target exists, and leaves unmatched triggers alone', () => {
    const none = engine.evaluate(inMemoryResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'trigger', namespace: 'empty' } }));
    assert.deepEqual(none.map((r) => [r.resource.name, r.status]), [['trigger', 'skip']]);
    assert.deepEqual(engine.evaluate(inMemoryResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'app' } })), []);
  });
});

describe('mutate.targets load checks', () => {
  it('reports a target without kind at its line and field', () => {
    const loaded = loadPolicyText('p.yaml', policy.replace('        kind: Secret\n', ''));
    assert.match(loaded.errors[0]?.describe() ?? '', /^p\.yaml:15:\d+: invalid policy \(spec\.rules\[0\]\.mutate\.targets\[0\]\.kind\): target kind is required/);
  });
});
