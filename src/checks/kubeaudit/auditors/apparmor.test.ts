import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

const containers = [{ name: 'app' }, { name: 'init' }];

function annotated(annotations: Record<string, string>, labels: Record<string, string> = {}): JsonObject {
  return pod({ containers: [containers[0]], initContainers: [containers[1]] }, { annotations, labels });
}

const KEY = 'container.apparmor.security.beta.kubernetes.io/';

describe('apparmor auditor', () => {
  it('wants a profile annotation for every container, init containers included', () => {
    assert.deepEqual(rules(run('apparmor', [annotated({ [`${KEY}app`]: 'runtime/default' })])), ['AppArmorAnnotationMissing@init']);
    assert.deepEqual(rules(run('apparmor', [annotated({ [`${KEY}app`]: 'runtime/default', [`${KEY}init`]: 'localhost/strict' })])), []);
  });

  it('tells a disabled profile from an unsupported one and from an orphaned annotation', () => {
    const results = run('apparmor', [annotated({ [`${KEY}app`]: 'unconfined', [`${KEY}init`]: 'enforce', [`${KEY}old`]: 'runtime/default' })]);
    assert.deepEqual(rules(results), ['AppArmorBadValue@init', 'AppArmorDisabled@app', 'AppArmorInvalidAnnotation']);
  });

  it('overrides only a disabled profile and never reports the label as redundant', () => {
    const labels = { 'kubeaudit.io/allow-disabled-apparmor': 'legacy' };
    const results = run('apparmor', [annotated({ [`${KEY}app`]: 'unconfined', [`${KEY}init`]: 'enforce' }, labels)]);
    assert.deepEqual(rules(results), ['AppArmorBadValue@init', 'AppArmorDisabledAllowed@app']);
    assert.deepEqual(rules(run('apparmor', [annotated({ [`${KEY}app`]: 'runtime/default', [`${KEY}init`]: 'runtime/default' }, labels)])), []);
  });

  it('accepts the appArmorProfile field of Kubernetes 1.30 in place of the annotation', () => {
    const spec = { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }, { name: 'open', securityContext: { appArmorProfile: { type: 'Unconfined' } } }] };
    assert.deepEqual(rules(run('apparmor', [pod(spec)])), ['AppArmorDisabled@open']);
  });
});
