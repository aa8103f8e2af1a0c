import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

describe('hostns auditor', () => {
  it('reports each shared host namespace once per pod', () => {
    const results = run('hostns', [pod({ hostNetwork: true, hostPID: true, hostIPC: false, containers: [{ name: 'a' }, { name: 'b' }] })]);
    assert.deepEqual(rules(results), ['NamespaceHostNetworkTrue', 'NamespaceHostPIDTrue']);
  });

  it('matches the upper-case IPC/PID override labels and reports unused ones', () => {
    const labels = { 'kubeaudit.io/allow-namespace-host-IPC': 'shm', 'kubeaudit.io/allow-namespace-host-PID': 'unused' };
    assert.deepEqual(rules(run('hostns', [pod({ hostIPC: true, containers: [] }, { labels })])), ['NamespaceHostIPCTrueAllowed', 'RedundantAuditorOverride']);
  });
});
