import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function twoContainers(first: JsonObject, second: JsonObject, labels: Record<string, string> = {}): JsonObject {
  return pod({ containers: [{ name: 'a', securityContext: first }, { name: 'b', securityContext: second }] }, { labels });
}

describe('privileged, privesc and rootfs auditors', () => {
  it('report unset and unsafe values under their own rules', () => {
    assert.deepEqual(rules(run('privileged', [twoContainers({}, { privileged: true })])), ['PrivilegedNil@a', 'PrivilegedTrue@b']);
    assert.deepEqual(rules(run('privesc', [twoContainers({}, { allowPrivilegeEscalation: true })])), ['AllowPrivilegeEscalationNil@a', 'AllowPrivilegeEscalationTrue@b']);
    assert.deepEqual(rules(run('rootfs', [twoContainers({}, { readOnlyRootFilesystem: false })])), ['ReadOnlyRootFilesystemFalse@b', 'ReadOnlyRootFilesystemNil@a']);
  });

  it('accept the safe values', () => {
    assert.deepEqual(run('privileged', [twoContainers({ privileged: false }, { privileged: false })]), []);
    assert.deepEqual(run('privesc', [twoContainers({ allowPrivilegeEscalation: false }, { allowPrivilegeEscalation: false })]), []);
    assert.deepEqual(run('rootfs', [twoContainers({ readOnlyRootFilesystem: true }, { readOnlyRootFilesystem: true })]), []);
  });

  it('apply container and pod labels, reporting unused ones', () => {
    const labels = { 'container.kubeaudit.io/b.allow-privileged': 'gpu' };
    assert.deepEqual(rules(run('privileged', [twoContainers({ privileged: true }, { privileged: true }, labels)])), ['PrivilegedTrue@a', 'PrivilegedTrueAllowed@b']);
    const podWide = { 'kubeaudit.io/allow-read-only-root-filesystem-false': 'cache' };
    assert.deepEqual(rules(run('rootfs', [twoContainers({ readOnlyRootFilesystem: true }, {}, podWide)])), ['ReadOnlyRootFilesystemNilAllowed@b', 'RedundantAuditorOverride@a']);
  });

  it('read override labels from the pod template, not the workload', () => {
    const deployment = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { 'kubeaudit.io/allow-privileged': 'ignored here' } },
      spec: { template: { metadata: { labels: {} }, spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } } },
    };
    assert.deepEqual(rules(run('privileged', [deployment])), ['PrivilegedTrue@a']);
  });
});
