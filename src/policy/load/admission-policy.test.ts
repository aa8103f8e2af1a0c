import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { createPolicyEngine } from '../engine.js';
import { createMemoryLookups } from '../lookups/index.js';
import { bindAdmissionPolicies } from './admission-policy.js';
import { loadPolicyText } from './load.js';

const replicaLimit = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: replica-limit
spec:
  failurePolicy: Fail
  paramKind:
    apiVersion: v1
    kind: ConfigMap
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments"]
    excludeResourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["*"]
      resources: ["deployments"]
      resourceNames: ["ignored"]
  matchConditions:
  - name: not-system
    expression: "!object.metadata.name.startsWith('system-')"
  variables:
  - name: replicas
    expression: "object.spec.replicas"
  validations:
  - expression: "variables.replicas <= int(params.data.maxReplicas)"
    messageExpression: "'replicas must be at most ' + params.data.maxReplicas"
    reason: Invalid
  auditAnnotations:
  - key: replicas
    valueExpression: "string(object.spec.replicas)"
`;

const binding = (name: string, actions: string[], extra = '') => `---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${name}
spec:
  policyName: replica-limit
  validationActions: [${actions.join(', ')}]
  paramRef:
    name: limits
    namespace: config
    parameterNotFoundAction: Deny
${extra}`;

const deployment = (name: string, replicas: number, namespace = 'prod', labels: Record<string, string> = {}) =>
  inMemoryResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace, labels }, spec: { replicas } });

const lookups = createMemoryLookups({ resources: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'limits', namespace: 'config' }, data: { maxReplicas: '3' } }] });

function engineFor(text: string, withLookups = true): ReturnType<typeof createPolicyEngine> {
  const loaded = loadPolicyText('vap.yaml', text);
  assert.deepEqual(loaded.errors.map((e) => e.describe()), []);
  const policies = bindAdmissionPolicies(loaded.admissionPolicies, loaded.admissionBindings);
  return createPolicyEngine({ policies, ...(withLookups ? { lookups } : {}) });
}

describe('ValidatingAdmissionPolicy', () => {
  it('validates with params from the binding and reports under the binding', () => {
    const engine = engineFor(replicaLimit + binding('limit-prod', ['Deny']));
    const ok = engine.evaluate(deployment('web', 2));
    assert.deepEqual(ok.map((r) => [r.policy, r.rule, r.status]), [['replica-limit', 'limit-prod', 'pass']]);
    const bad = engine.evaluate(deployment('web', 5))[0];
    assert.equal(bad?.status, 'fail');
    assert.equal(bad?.message, 'replicas must be at most 3');
  });

  it('honours excludeResourceRules, matchConditions and the binding matchResources', () => {
    const engine = engineFor(replicaLimit + binding('limit-prod', ['Deny'], '  matchResources:\n    objectSelector:\n      matchLabels:\n        tier: web\n'));
    assert.equal(engine.evaluate(deployment('web', 5, 'prod', { tier: 'web' }))[0]?.status, 'fail');
    assert.deepEqual(engine.evaluate(deployment('web', 5, 'prod', { tier: 'db' })), []);
    assert.equal(engine.evaluate(deployment('system-x', 5, 'prod', { tier: 'web' }))[0]?.status, 'skip');
  });

  it('maps validationActions: Warn warns, Audit alone fails marked as audit', () => {
    assert.equal(engineFor(replicaLimit + binding('b', ['Warn', 'Audit'])).evaluate(deployment('web', 5))[0]?.status, 'warn');
    const audit = engineFor(replicaLimit + binding('b', ['Audit'])).evaluate(deployment('web', 5))[0];
    assert.equal(audit?.status, 'fail');
    assert.match(audit?.message ?? '', /Audit/);
  });

  it('fails when the parameter is missing and parameterNotFoundAction is Deny; errors without a binding', () => {
    assert.match(engineFor(replicaLimit + binding('b', ['Deny']), false).evaluate(deployment('web', 1))[0]?.message ?? '', /no parameter ConfigMap limits/);
    const unbound = engineFor(replicaLimit).evaluate(deployment('web', 1))[0];
    assert.equal(unbound?.status, 'error');
  });

  it('applies a parameterless policy without a binding to what it matches', () => {
    const engine = engineFor(`apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: no-latest
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE"]
      resources: ["pods"]
  validations:
  - expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))"
    message: "no latest tags"
`);
    const pod = (image: string) => inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'd' }, spec: { containers: [{ name: 'c', image }] } });
    assert.equal(engine.evaluate(pod('nginx:1.25'))[0]?.status, 'pass');
    assert.equal(engine.evaluate(pod('nginx:latest'))[0]?.message, 'no latest tags');
  });

  it('reports invalid documents with file, line and field, and notes auditAnnotations', () => {
    const loaded = loadPolicyText('vap.yaml', `${replicaLimit}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: broken
spec:
  policyName: replica-limit
  validationActions: [Deny, Warn]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: bad-cel
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["pods"]}]
  validations:
  - expression: "object.spec.(("
`);
    const messages = loaded.errors.map((e) => e.describe());
    assert.ok(messages.some((m) => /^vap\.yaml:42:\d+: invalid policy binding \(spec\.validationActions\): Deny and Warn/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /invalid policy \(spec\.validations\[0\]\.expression\): invalid CEL expression/.test(m)), messages.join('\n'));
    assert.deepEqual(loaded.invalidNames, ['bad-cel']);
    assert.match(loaded.warnings[0]?.describe() ?? '', /auditAnnotations/);
  });
});
