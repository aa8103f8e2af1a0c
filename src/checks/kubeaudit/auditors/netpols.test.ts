import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function namespace(labels: Record<string, string> = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels } };
}

function policy(name: string, spec: JsonObject, ns: string | undefined = 'shop'): JsonObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, ...(ns === undefined ? {} : { namespace: ns }) }, spec };
}

const DENY_ALL = policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

describe('netpols auditor', () => {
  it('wants a default-deny policy for both directions in each Namespace object', () => {
    assert.deepEqual(rules(run('netpols', [namespace()])), ['MissingDefaultDenyIngressAndEgressNetworkPolicy']);
    assert.deepEqual(run('netpols', [namespace(), DENY_ALL]), []);
    assert.deepEqual(run('netpols', [namespace(), policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, undefined)]), []);
    assert.deepEqual(rules(run('netpols', [namespace(), policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'other')])), ['MissingDefaultDenyIngressAndEgressNetworkPolicy']);
    assert.deepEqual(run('netpols', [DENY_ALL]), [], 'no Namespace object, nothing to audit');
  });

  it('reports the missing direction when a policy selects every pod', () => {
    assert.deepEqual(rules(run('netpols', [namespace(), policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })])), ['MissingDefaultDenyEgressNetworkPolicy']);
    // policyTypes left out: only the explicit list counts in a manifest.
    assert.deepEqual(rules(run('netpols', [namespace(), policy('deny', { podSelector: {} })])), ['MissingDefaultDenyEgressNetworkPolicy', 'MissingDefaultDenyIngressNetworkPolicy']);
  });

  it('applies the namespace override labels, at warning when both are set', () => {
    const both = { 'kubeaudit.io/allow-non-default-deny-ingress-network-policy': 'a', 'kubeaudit.io/allow-non-default-deny-egress-network-policy': 'b' };
    const [allowed] = run('netpols', [namespace(both)]);
    assert.equal(allowed?.rule, 'MissingDefaultDenyIngressAndEgressNetworkPolicyAllowed');
    assert.equal(allowed?.severity, 'warning');
    const ingressOnly = { 'kubeaudit.io/allow-non-default-deny-ingress-network-policy': 'a' };
    assert.deepEqual(rules(run('netpols', [namespace(ingressOnly)])), ['MissingDefaultDenyEgressNetworkPolicy', 'MissingDefaultDenyIngressNetworkPolicyAllowed']);
  });

  it('reports allow-all rules on the policy, once', () => {
    const open = policy('open', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }, { ports: [{ port: 80 }] }], egress: [{}] });
    const results = run('netpols', [namespace(), DENY_ALL, open]);
    assert.deepEqual(rules(results), ['AllowAllEgressNetworkPolicyExists', 'AllowAllIngressNetworkPolicyExists']);
    assert.ok(results.every((r) => r.resource.name === 'open'));
  });
});
