import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../k8s/index.js';
import { createPolicyEngine } from './engine.js';
import { loadPolicyText } from './load/index.js';

function engineFor(yaml: string): ReturnType<typeof createPolicyEngine> {
  const loaded = loadPolicyText('p.yaml', yaml);
  assert.deepEqual(loaded.errors.map((e) => e.describe()), []);
  return createPolicyEngine({ policies: loaded.policies });
}

const header = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: p
  annotations:
    pod-policies.kyverno.io/autogen-controllers: none
spec:
  rules:
`;

const pod = (name: string, extra: Record<string, unknown> = {}) =>
  inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...extra }, spec: { containers: [{ name: 'c', image: 'nginx:latest' }] } });

describe('createPolicyEngine', () => {
  it('pass, fail and no result when the rule does not match', () => {
    const engine = engineFor(`${header}  - name: labels
    match:
      any:
      - resources:
          kinds: [Pod]
          namespaces: [default]
    validate:
      message: "label app is required on {{ request.object.metadata.name }}"
      pattern:
        metadata:
          labels:
            app: "?*"
`);
    assert.equal(engine.evaluate(pod('ok', { labels: { app: 'x' } }))[0]?.status, 'pass');
    const failed = engine.evaluate(pod('bad'))[0];
    assert.equal(failed?.status, 'fail');
    assert.match(failed?.message ?? '', /label app is required on bad/);
    assert.deepEqual(engine.evaluate(inMemoryResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })), []);
  });

  it('an unresolvable variable is an error result, not a crash', () => {
    const engine = engineFor(`${header}  - name: owner
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      deny:
        conditions:
          any:
          - key: "{{ request.object.metadata.annotations.owner }}"
            operator: Equals
            value: nobody
`);
    const [result] = engine.evaluate(pod('p'));
    assert.equal(result?.status, 'error');
    assert.match(result?.message ?? '', /annotations\.owner.*not found/);
  });

  it('preconditions not met skip the rule; mutate rules run first; verifyImages is skipped with a reason', () => {
    const engine = engineFor(`${header}  - name: only-update
    match:
      any:
      - resources:
          kinds: [Pod]
    preconditions:
      all:
      - key: "{{ request.operation }}"
        operator: Equals
        value: UPDATE
    validate:
      deny: {}
  - name: add-label
    match:
      any:
      - resources:
          kinds: [Pod]
    mutate:
      patchStrategicMerge:
        metadata:
          labels:
            a: b
  - name: verify
    match:
      any:
      - resources:
          kinds: [Pod]
    verifyImages:
    - imageReferences: ["*"]
`);
    // mutate rules run first (Kyverno order), then the rest on the mutated resource.
    const results = engine.evaluate(pod('p'));
    assert.deepEqual(results.map((r) => [r.rule, r.status]), [['add-label', 'pass'], ['only-update', 'skip'], ['verify', 'skip']]);
    assert.deepEqual((results[0]?.patched?.['metadata'] as { labels?: unknown } | undefined)?.labels, { a: 'b' });
    assert.match(results[2]?.message ?? '', /registry access/);
    assert.equal(engine.evaluate(pod('p'), { admission: { operation: 'UPDATE' } })[1]?.status, 'fail');
  });

  it('mutate policies run in sequence before validation, which sees the mutated resource', () => {
    const policy = (name: string, rule: string): string => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
  rules:
${rule}`;
    const check = policy('check', `  - name: has-b
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      pattern:
        metadata:
          labels:
            b: "1"
`);
    const addA = policy('add-a', `  - name: a
    match:
      any:
      - resources:
          kinds: [Pod]
    mutate:
      patchStrategicMerge:
        metadata:
          labels:
            a: "1"
`);
    const addB = policy('add-b', `  - name: b
    match:
      any:
      - resources:
          kinds: [Pod]
    mutate:
      patchesJson6902: |-
        - op: add
          path: /metadata/labels/b
          value: "{{ to_string(length(request.object.metadata.labels)) }}"
`);
    const loaded = [check, addA, addB].flatMap((text) => loadPolicyText('p.yaml', text).policies);
    const engine = createPolicyEngine({ policies: loaded });
    const results = engine.evaluate(pod('p'));
    assert.deepEqual(results.map((r) => [r.policy, r.status]), [['add-a', 'pass'], ['add-b', 'pass'], ['check', 'pass']]);
    assert.deepEqual((results[1]?.patched?.['metadata'] as { labels?: unknown }).labels, { a: '1', b: '1' });
    assert.equal(engine.evaluate(pod('p'), { admission: { operation: 'DELETE' } })[0]?.status, 'skip');
  });

  it('applyRules: One stops at the first rule that applies', () => {
    const rules = `  - name: first
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      deny: {}
  - name: second
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      deny: {}
`;
    const engine = engineFor(`${header.replace('spec:\n', 'spec:\n  applyRules: One\n')}${rules}`);
    assert.deepEqual(engine.evaluate(pod('p')).map((r) => r.rule), ['first']);
  });

  it('match by subjects, selector and exclude', () => {
    const engine = engineFor(`${header}  - name: r
    match:
      any:
      - resources:
          kinds: [v1/Pod]
          selector:
            matchLabels:
              tier: "fr*"
        subjects:
        - kind: User
          name: alice
    exclude:
      any:
      - resources:
          names: ["skip-*"]
    validate:
      deny: {}
`);
    const admission = { userInfo: { username: 'alice' } };
    assert.equal(engine.evaluate(pod('a', { labels: { tier: 'front' } }), { admission }).length, 1);
    assert.equal(engine.evaluate(pod('a', { labels: { tier: 'front' } }), { admission: { userInfo: { username: 'bob' } } }).length, 0);
    assert.equal(engine.evaluate(pod('skip-me', { labels: { tier: 'front' } }), { admission }).length, 0);
  });
});
