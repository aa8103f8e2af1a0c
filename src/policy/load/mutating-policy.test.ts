import assert from 'node:assert/strict';
import test from 'node:test';
import { createPolicyEngine } from '../engine.js';
import { inMemoryResource } from '../../k8s/index.js';
import { loadPolicyText } from './load.js';

const policy = `apiVersion: policies.kyverno.io/v1alpha1
kind: MutatingPolicy
metadata:
  name: add-label
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE"]
      resources: ["pods"]
  matchConditions:
  - name: not-skipped
    expression: "!has(object.metadata.labels) || !('skip' in object.metadata.labels)"
  mutations:
  - patchType: ApplyConfiguration
    applyConfiguration:
      expression: 'Object{metadata: Object.metadata{labels: {"team": "a"}}}'
`;

test('a MutatingPolicy loads as one rule named after the policy and mutates matching resources', () => {
  const loaded = loadPolicyText('p.yaml', policy);
  assert.deepEqual(loaded.errors, []);
  assert.equal(loaded.policies.length, 1);
  const p = loaded.policies[0];
  assert.equal(p?.kind, 'MutatingPolicy');
  assert.equal(p?.ruleless, true);
  const engine = createPolicyEngine({ policies: loaded.policies });
  const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'd' }, spec: {} });
  const [result] = engine.evaluate(pod);
  assert.equal(result?.status, 'pass');
  assert.deepEqual((result?.patched?.['metadata'] as Record<string, unknown>)['labels'], { team: 'a' });
  const skipped = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'y', namespace: 'd', labels: { skip: '1' } }, spec: {} });
  assert.equal(engine.evaluate(skipped)[0]?.status, 'skip');
  const cm = inMemoryResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'd' } });
  assert.deepEqual(engine.evaluate(cm), []);
});

test('a MutatingPolicy with a bad expression or patchType is invalid', () => {
  const bad = policy.replace("expression: 'Object{", "expression: 'Object{{").replace('ApplyConfiguration\n', 'Strategic\n');
  const loaded = loadPolicyText('p.yaml', bad);
  assert.deepEqual(loaded.invalidNames, ['add-label']);
  assert.ok(loaded.errors.length > 0);
});
