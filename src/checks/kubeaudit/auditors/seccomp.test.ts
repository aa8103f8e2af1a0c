import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function seccompPod(podProfile: string | undefined, containerProfiles: Array<string | undefined>, annotations: Record<string, string> = {}): JsonObject {
  const profile = (type: string | undefined): JsonObject => (type === undefined ? {} : { seccompProfile: { type } });
  return pod(
    { securityContext: profile(podProfile), containers: containerProfiles.map((t, i) => ({ name: `c${i}`, securityContext: profile(t) })) },
    { annotations },
  );
}

describe('seccomp auditor', () => {
  it('wants a confining pod profile, or one on every container', () => {
    assert.deepEqual(rules(run('seccomp', [seccompPod(undefined, [undefined])])), ['SeccompProfileMissing']);
    assert.deepEqual(rules(run('seccomp', [seccompPod('RuntimeDefault', [undefined])])), []);
    assert.deepEqual(rules(run('seccomp', [seccompPod(undefined, ['Localhost', 'RuntimeDefault'])])), []);
    assert.deepEqual(rules(run('seccomp', [seccompPod(undefined, ['RuntimeDefault', undefined])])), ['SeccompProfileMissing']);
  });

  it('reports profiles that disable seccomp at pod and container level', () => {
    assert.deepEqual(rules(run('seccomp', [seccompPod('Unconfined', ['RuntimeDefault'])])), ['SeccompDisabledPod']);
    assert.deepEqual(rules(run('seccomp', [seccompPod(undefined, ['Unconfined'])])), ['SeccompDisabledContainer@c0', 'SeccompProfileMissing']);
  });

  it('reports the deprecated annotations only when no profile is set anywhere', () => {
    const annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' };
    assert.deepEqual(rules(run('seccomp', [seccompPod(undefined, [undefined], annotations)])), ['SeccompDeprecatedAnnotations', 'SeccompProfileMissing']);
    assert.deepEqual(rules(run('seccomp', [seccompPod('RuntimeDefault', [undefined], annotations)])), []);
  });
});
