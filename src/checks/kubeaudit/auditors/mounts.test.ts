import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function mounting(path: string, labels: Record<string, string> = {}, mountName = 'host'): JsonObject {
  return pod(
    {
      volumes: [{ name: mountName, hostPath: { path } }, { name: 'scratch', emptyDir: {} }],
      containers: [{ name: 'a', volumeMounts: [{ name: mountName, mountPath: '/h' }, { name: 'scratch', mountPath: '/tmp' }] }, { name: 'b' }],
    },
    { labels },
  );
}

describe('mounts auditor', () => {
  it('reports containers mounting a denied host path, compared exactly', () => {
    assert.deepEqual(rules(run('mounts', [mounting('/var/run/docker.sock')])), ['SensitivePathsMounted@a']);
    assert.deepEqual(run('mounts', [mounting('/proc/')]), []);
    assert.deepEqual(run('mounts', [mounting('/data')]), []);
    assert.deepEqual(rules(run('mounts', [mounting('/data')], { mounts: { denyPathsList: ['/data'] } })), ['SensitivePathsMounted@a']);
  });

  it('overrides per mount name, lower-cased with dashes, and never calls a label redundant', () => {
    assert.deepEqual(rules(run('mounts', [mounting('/proc', { 'kubeaudit.io/allow-host-path-mount-host-proc': 'node exporter' }, 'Host_Proc')])), ['SensitivePathsMountedAllowed@a']);
    assert.deepEqual(run('mounts', [mounting('/data', { 'kubeaudit.io/allow-host-path-mount-host': 'x' })]), []);
  });
});
