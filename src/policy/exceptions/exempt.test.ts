import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { createPolicyEngine } from '../engine.js';
import { loadPolicyText } from '../load/index.js';

const policies = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-host-namespaces
spec:
  rules:
  - name: host-namespaces
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      pattern:
        spec:
          =(hostNetwork): "false"
  - name: psa
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      podSecurity:
        level: baseline
        version: latest
`;

const exception = `---
apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  name: delta-exception
  namespace: delta
spec:
  exceptions:
  - policyName: disallow-host-namespaces
    ruleNames: [host-namespaces, autogen-host-*]
  match:
    any:
    - resources:
        kinds: [Pod, Deployment]
        namespaces: [delta]
        names: ["important-tool*"]
  conditions:
    any:
    - key: "{{ request.object.metadata.labels.app || '' }}"
      operator: Equals
      value: busybox
---
apiVersion: kyverno.io/v2beta1
kind: PolicyException
metadata:
  name: psa-ports
  namespace: delta
spec:
  exceptions:
  - policyName: disallow-host-namespaces
    ruleNames: [psa]
  match:
    any:
    - resources:
        kinds: [Pod]
  podSecurity:
  - controlName: Host Namespaces
`;

function engine(): ReturnType<typeof createPolicyEngine> {
  const loaded = loadPolicyText('p.yaml', policies + exception);
  assert.deepEqual(loaded.errors.map((e) => e.describe()), []);
  assert.equal(loaded.exceptions.length, 2);
  return createPolicyEngine({ policies: loaded.policies, exceptions: loaded.exceptions });
}

const hostPod = (name: string, namespace: string, labels: Record<string, string>) =>
  inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'busybox' }] } });

describe('PolicyException', () => {
  const e = engine();
  const status = (rule: string, pod: ReturnType<typeof hostPod>) => e.evaluate(pod).find((r) => r.rule === rule);

  it('skips the named rule for matched resources, naming the exception', () => {
    const result = status('host-namespaces', hostPod('important-tool-1', 'delta', { app: 'busybox' }));
    assert.equal(result?.status, 'skip');
    assert.match(result?.message ?? '', /policy exception delta\/delta-exception/);
  });

  it('leaves resources the match or the conditions do not select', () => {
    assert.equal(status('host-namespaces', hostPod('other', 'delta', { app: 'busybox' }))?.status, 'fail');
    assert.equal(status('host-namespaces', hostPod('important-tool-1', 'prod', { app: 'busybox' }))?.status, 'fail');
    assert.equal(status('host-namespaces', hostPod('important-tool-1', 'delta', { app: 'nginx' }))?.status, 'fail');
  });

  it('adds podSecurity exemptions to the rule instead of skipping it', () => {
    const plain = createPolicyEngine({ policies: loadPolicyText('p.yaml', policies).policies });
    assert.equal(plain.evaluate(hostPod('any', 'delta', {})).find((r) => r.rule === 'psa')?.status, 'fail');
    const result = status('psa', hostPod('any', 'delta', {}));
    assert.equal(result?.status, 'pass');
    assert.match(result?.message ?? '', /psa-ports/);
  });

  it('reports invalid exceptions with file, line and field', () => {
    const loaded = loadPolicyText('x.yaml', `apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  name: broken
spec:
  exceptions:
  - policyName: p
  match:
    any:
    - resources:
        kinds: [Pod]
  podSecurity:
  - controlName: Nope
`);
    const messages = loaded.errors.map((err) => err.describe());
    assert.equal(loaded.exceptions.length, 0);
    assert.ok(messages.some((m) => /^x\.yaml:7:\d+: invalid policy exception \(spec\.exceptions\[0\]\.ruleNames\)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /spec\.podSecurity\[0\]\.controlName/.test(m)), messages.join('\n'));
  });
});

describe('PolicyException for CEL policies', () => {
  const vpol = `apiVersion: policies.kyverno.io/v1alpha1
kind: ValidatingPolicy
metadata:
  name: no-host-network
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: [v1]
      operations: [CREATE]
      resources: [pods]
  validations:
  - expression: "!object.spec.?hostNetwork.orValue(false)"
---
apiVersion: policies.kyverno.io/v1alpha1
kind: PolicyException
metadata:
  name: allow-infra
  namespace: infra
spec:
  policyRefs:
  - name: no-host-network
    kind: ValidatingPolicy
  matchConditions:
  - name: infra-namespace
    expression: "object.metadata.namespace == 'infra'"
`;

  it('skips the named policy where every matchCondition holds', () => {
    const loaded = loadPolicyText('v.yaml', vpol);
    assert.deepEqual(loaded.errors.map((err) => err.describe()), []);
    const e = createPolicyEngine({ policies: loaded.policies, exceptions: loaded.exceptions });
    const infra = e.evaluate(hostPod('p', 'infra', {}))[0];
    assert.equal(infra?.status, 'skip');
    assert.match(infra?.message ?? '', /infra\/allow-infra/);
    assert.equal(e.evaluate(hostPod('p', 'prod', {}))[0]?.status, 'fail');
  });

  it('reports a reference without a name and invalid CEL at their fields', () => {
    const loaded = loadPolicyText('v.yaml', vpol.replace('  - name: no-host-network\n    kind: ValidatingPolicy\n', '  - kind: ValidatingPolicy\n').replace("== 'infra'\"", "== \""));
    const messages = loaded.errors.map((err) => err.describe()).join('\n');
    assert.match(messages, /invalid policy exception \(spec\.policyRefs\[0\]\.name\)/);
    assert.match(messages, /invalid policy exception \(spec\.matchConditions\[0\]\.expression\): invalid CEL/);
  });
});
