import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from './fixture.test-helper.js';
import { networkChecks } from './network.js';

const DEPLOYMENT = (namespace: string | undefined, name = 'api'): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace === undefined ? '' : `  namespace: ${namespace}\n`}spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.4.2
`;

const DENY_ALL = (namespace: string | undefined): string => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
${namespace === undefined ? '' : `  namespace: ${namespace}\n`}spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const NAMESPACE = (name: string): string => `
apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
`;

function summary(yaml: string): Array<[string, string, string]> {
  return run(networkChecks, yaml).map((r) => [r.resource.kind, r.resource.name, r.status]);
}

describe('namespace-network-policy-missing', () => {
  it('reports on the Namespace object when the input has it', () => {
    const results = run(networkChecks, [NAMESPACE('shop'), DEPLOYMENT('shop'), DEPLOYMENT('shop', 'worker')].join('\n---\n'));
    assert.equal(results.length, 1);
    const [result] = results;
    assert.equal(result?.status, 'fail');
    assert.equal(result?.resource.kind, 'Namespace');
    assert.equal(result?.compatibleId, 'bosun:namespace-network-policy-missing');
    assert.equal(result?.message, 'Namespace shop runs 2 workloads and has no NetworkPolicy');
  });

  it('reports on the first workload when the Namespace object is not in the input', () => {
    const results = run(networkChecks, [DEPLOYMENT('shop', 'api'), DEPLOYMENT('shop', 'worker')].join('\n---\n'));
    assert.deepEqual(results.map((r) => [r.resource.name, r.status, r.message]), [
      ['api', 'fail', 'Namespace shop runs 2 workloads and has no NetworkPolicy'],
    ]);
  });

  it('passes a namespace with a NetworkPolicy, and counts a missing namespace as default', () => {
    assert.deepEqual(summary([DEPLOYMENT(undefined), DENY_ALL('default')].join('\n---\n')), [['Deployment', 'api', 'pass']]);
    assert.deepEqual(summary([DEPLOYMENT('default'), DENY_ALL(undefined)].join('\n---\n')), [['Deployment', 'api', 'pass']]);
  });

  it('does not let a policy in another namespace cover this one', () => {
    assert.deepEqual(summary([DEPLOYMENT('shop'), DENY_ALL('billing')].join('\n---\n')), [['Deployment', 'api', 'fail']]);
  });

  it('counts Calico and Cilium namespaced policies', () => {
    const cilium = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: l7\n  namespace: shop\nspec: {}\n';
    const calico = 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: allow\n  namespace: billing\nspec: {}\n';
    assert.deepEqual(summary([DEPLOYMENT('shop'), cilium, DEPLOYMENT('billing'), calico].join('\n---\n')), [
      ['Deployment', 'api', 'pass'],
      ['Deployment', 'api', 'pass'],
    ]);
  });

  it('says nothing about namespaces without workloads', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: fast\n';
    const template = 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: t\n  namespace: shop\ntemplate:\n  spec:\n    containers: [{name: a, image: a:1}]\n';
    assert.deepEqual(summary([NAMESPACE('shop'), configMap, template].join('\n---\n')), []);
  });
});
