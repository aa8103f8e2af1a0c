import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPolicyText } from './load.js';
import { parseValuesText } from './values.js';

const policy = (rules: string): string => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: p
spec:
  rules:
${rules}`;

describe('loadPolicyText', () => {
  it('loads a valid policy and expands autogen rules', () => {
    const loaded = loadPolicyText(
      'p.yaml',
      policy(`  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      pattern:
        metadata:
          labels:
            app: "?*"
`),
    );
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(loaded.policies[0]?.rules.map((r) => r.name), ['r', 'autogen-r', 'autogen-cronjob-r']);
  });

  it('rejects an unknown operator with file, line and field path', () => {
    const loaded = loadPolicyText(
      'bad.yaml',
      policy(`  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    preconditions:
      all:
      - key: a
        operator: Contains
        value: b
    validate:
      deny: {}
`),
    );
    assert.equal(loaded.policies.length, 0);
    assert.deepEqual(loaded.invalidNames, ['p']);
    const error = loaded.errors[0];
    assert.equal(error?.file, 'bad.yaml');
    assert.equal(error?.line, 15);
    assert.match(error?.describe() ?? '', /^bad\.yaml:15:\d+: invalid policy \(spec\.rules\[0\]\.preconditions\.all\[0\]\.operator\): unknown operator "Contains"/);
  });

  it('rejects bad anchors and bad JMESPath', () => {
    const loaded = loadPolicyText(
      'bad.yaml',
      policy(`  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      message: "{{ request.object.metadata.name | | }}"
      pattern:
        spec:
          Y(hostPID): true
`),
    );
    const messages = loaded.errors.map((e) => e.message).join('\n');
    assert.match(messages, /unknown anchor "Y\("/);
    assert.match(messages, /invalid JMESPath/);
  });

  it('rejects CEL that does not parse', () => {
    const loaded = loadPolicyText(
      'bad.yaml',
      policy(`  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      cel:
        expressions:
        - expression: "object.spec.containers.all(c, "
`),
    );
    assert.match(loaded.errors[0]?.describe() ?? '', /^bad\.yaml:15:\d+: invalid policy \(spec\.rules\[0\]\.validate\.cel\.expressions\[0\]\.expression\): invalid CEL expression/);
  });

  it('a rule needs exactly one action', () => {
    const loaded = loadPolicyText('bad.yaml', policy(`  - name: r\n    match: {any: [{resources: {kinds: [Pod]}}]}\n`));
    assert.match(loaded.errors[0]?.message ?? '', /exactly one of validate/);
  });

  it('keeps other policy kinds as unsupported, not as errors', () => {
    const loaded = loadPolicyText('vp.yaml', 'apiVersion: policies.kyverno.io/v1alpha1\nkind: DeletingPolicy\nmetadata:\n  name: m\nspec: {}\n');
    assert.deepEqual(loaded.unsupported.map((u) => u.kind), ['DeletingPolicy']);
    assert.deepEqual(loaded.errors, []);
  });
});

describe('parseValuesText', () => {
  it('reads per-policy, per-rule values and namespace labels', () => {
    const values = parseValuesText(
      'values.yaml',
      `apiVersion: cli.kyverno.io/v1alpha1
kind: Values
policies:
- name: p
  resources:
  - name: pod1
    values:
      request.operation: UPDATE
  rules:
  - name: r
    values:
      count: 2
namespaceSelector:
- name: prod
  labels: {env: prod}
`,
    );
    assert.equal(values.resources.get('p')?.get('pod1')?.['request.operation'], 'UPDATE');
    assert.equal(values.rules.get('p')?.get('r')?.values['count'], 2);
    assert.deepEqual(values.namespaceLabels.get('prod'), { env: 'prod' });
  });
});
