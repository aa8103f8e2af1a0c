import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, run, single } from './fixture.test-helper.js';
import { serviceChecks } from './services.js';

function service(spec: string, annotations = ''): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n${annotations}spec:\n  selector:\n    app: web\n  ports:\n    - port: 443\n${spec}`;
}

function verdict(yaml: string): [string, string | undefined] {
  const result = single(run(serviceChecks, yaml), 'service-exposed');
  return [result.status, result.severity];
}

describe('service-exposed', () => {
  it('reports a LoadBalancer open to any address as medium, at spec.type', () => {
    const yaml = service('  type: LoadBalancer\n');
    const result = single(run(serviceChecks, yaml), 'service-exposed');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'medium');
    assert.equal(result.compatibleId, 'bosun:service-exposed');
    assert.deepEqual(result.path, ['spec', 'type']);
    assert.equal(lineOf(result), 11);
    assert.match(result.message, /reachable from any address \(no loadBalancerSourceRanges\)/);
  });

  it('treats 0.0.0.0/0 in loadBalancerSourceRanges as no restriction', () => {
    assert.deepEqual(verdict(service('  type: LoadBalancer\n  loadBalancerSourceRanges: ["10.0.0.0/8", "0.0.0.0/0"]\n')), ['fail', 'medium']);
  });

  it('rates restricted and internal load balancers and NodePorts low', () => {
    assert.deepEqual(verdict(service('  type: LoadBalancer\n  loadBalancerSourceRanges: ["203.0.113.0/24"]\n')), ['fail', 'low']);
    const internal = '  annotations:\n    networking.gke.io/load-balancer-type: "Internal"\n';
    assert.deepEqual(verdict(service('  type: LoadBalancer\n', internal)), ['fail', 'low']);
    const awsInternal = '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n';
    assert.deepEqual(verdict(service('  type: LoadBalancer\n', awsInternal)), ['fail', 'low']);
    assert.deepEqual(verdict(service('  type: NodePort\n')), ['fail', 'low']);
  });

  it('does not take an internal annotation set to false as internal', () => {
    const notInternal = '  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "false"\n';
    assert.deepEqual(verdict(service('  type: LoadBalancer\n', notInternal)), ['fail', 'medium']);
  });

  it('reports externalIPs on a ClusterIP service', () => {
    const result = single(run(serviceChecks, service('  externalIPs: ["198.51.100.7"]\n')), 'service-exposed');
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.path, ['spec', 'externalIPs']);
  });

  it('passes ClusterIP, headless and ExternalName services', () => {
    assert.deepEqual(verdict(service('')), ['pass', undefined]);
    assert.deepEqual(verdict(service('  clusterIP: None\n')), ['pass', undefined]);
    assert.deepEqual(verdict(service('  type: ExternalName\n  externalName: db.example.com\n')), ['pass', undefined]);
  });

  it('ignores Knative Services, which share the kind name', () => {
    const yaml = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template: {}\n';
    assert.deepEqual(run(serviceChecks, yaml), []);
  });
});
