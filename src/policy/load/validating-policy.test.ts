import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { createPolicyEngine } from '../engine.js';
import { loadPolicyText } from './load.js';

const VPOL = `apiVersion: policies.kyverno.io/v1alpha1
kind: ValidatingPolicy
metadata:
  name: no-latest
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: [v1]
      operations: [CREATE, UPDATE]
      resources: [pods]
  validations:
  - expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))"
    message: no latest tags
`;

const pod = (image: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image }] } });

describe('ValidatingPolicy', () => {
  it('runs as one rule named after the policy, with autogen rules for controllers', () => {
    const loaded = loadPolicyText('vpol.yaml', VPOL);
    assert.deepEqual(loaded.errors, []);
    const policy = loaded.policies[0];
    assert.equal(policy?.ruleless, true);
    assert.deepEqual(policy?.rules.map((r) => r.name), ['no-latest', 'autogen-no-latest', 'autogen-cronjob-no-latest']);
    const engine = createPolicyEngine({ policies: loaded.policies });
    assert.equal(engine.evaluate(inMemoryResource(pod('nginx:1.27')))[0]?.status, 'pass');
    assert.deepEqual(engine.evaluate(inMemoryResource(pod('nginx:latest'))).map((r) => [r.rule, r.status, r.message]), [['no-latest', 'fail', 'no latest tags']]);
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { template: { spec: pod('nginx:latest').spec } } };
    assert.deepEqual(engine.evaluate(inMemoryResource(deployment)).map((r) => [r.rule, r.status]), [['autogen-no-latest', 'fail']]);
  });

  it('rejects a validation that does not parse, with its location', () => {
    const loaded = loadPolicyText('vpol.yaml', VPOL.replace("!c.image.endsWith(':latest'))", '!c.image.endsWith('));
    assert.match(loaded.errors[0]?.describe() ?? '', /^vpol\.yaml:13:\d+: invalid policy \(spec\.validations\[0\]\.expression\): invalid CEL expression/);
  });
});
