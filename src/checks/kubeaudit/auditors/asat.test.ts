import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function rc(spec: JsonObject, namespace = 'team', labels: Record<string, string> = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc', namespace }, spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'c' }], ...spec } } } };
}

function defaultAccount(namespace: string | undefined, automount: boolean): JsonObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', ...(namespace === undefined ? {} : { namespace }) }, automountServiceAccountToken: automount };
}

describe('asat auditor', () => {
  it('flags the default service account with its token mounted', () => {
    assert.deepEqual(rules(run('asat', [rc({})])), ['AutomountServiceAccountTokenTrueAndDefaultSA']);
    assert.deepEqual(rules(run('asat', [rc({ serviceAccountName: 'default', automountServiceAccountToken: true })])), ['AutomountServiceAccountTokenTrueAndDefaultSA']);
    assert.deepEqual(rules(run('asat', [rc({ automountServiceAccountToken: false })])), []);
    assert.deepEqual(rules(run('asat', [rc({ serviceAccountName: 'app' })])), []);
  });

  it('honours a default ServiceAccount that turns automounting off, unless the pod turns it back on', () => {
    assert.deepEqual(rules(run('asat', [rc({}), defaultAccount('team', false)])), []);
    assert.deepEqual(rules(run('asat', [rc({}), defaultAccount(undefined, false)])), []);
    assert.deepEqual(rules(run('asat', [rc({}), defaultAccount('other', false)])), ['AutomountServiceAccountTokenTrueAndDefaultSA']);
    assert.deepEqual(rules(run('asat', [rc({ automountServiceAccountToken: true }), defaultAccount('team', false)])), ['AutomountServiceAccountTokenTrueAndDefaultSA']);
  });

  it('reports the deprecated serviceAccount field first', () => {
    assert.deepEqual(rules(run('asat', [rc({ serviceAccount: 'legacy' })])), ['AutomountServiceAccountTokenDeprecated']);
    assert.deepEqual(rules(run('asat', [rc({ serviceAccount: 'legacy', serviceAccountName: 'legacy' })])), []);
  });

  it('applies the pod-wide override and reports it when unused', () => {
    const labels = { 'kubeaudit.io/allow-automount-service-account-token': 'controller' };
    assert.deepEqual(rules(run('asat', [rc({}, 'team', labels)])), ['AutomountServiceAccountTokenTrueAndDefaultSAAllowed']);
    assert.deepEqual(rules(run('asat', [rc({ automountServiceAccountToken: false }, 'team', labels)])), ['RedundantAuditorOverride']);
  });
});
