import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PathSegment } from '../../kernel/index.js';
import { loadPolicyText } from './load.js';
import { checkPodSecurity } from './pod-security.js';

function problems(block: unknown): string[] {
  const found: string[] = [];
  checkPodSecurity(block, ['validate', 'podSecurity'], (path: PathSegment[], reason: string) => found.push(`${path.join('.')}: ${reason}`));
  return found;
}

describe('checkPodSecurity', () => {
  it('accepts the Kyverno shapes', () => {
    assert.deepEqual(problems({ level: 'restricted', version: 'latest' }), []);
    assert.deepEqual(problems({ level: 'baseline', version: 'v1.29' }), []);
    assert.deepEqual(problems({ level: 'privileged' }), []);
    assert.deepEqual(
      problems({
        level: 'restricted',
        exclude: [
          { controlName: 'Seccomp' },
          { controlName: 'Seccomp', images: ['*'] },
          { controlName: 'Capabilities', images: ['nginx*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['NET_ADMIN'] },
          { controlName: 'Host Namespaces' },
        ],
      }),
      [],
    );
  });

  it('rejects a bad level, version and block shape', () => {
    assert.match(problems({ level: 'strict' }).join('\n'), /validate\.podSecurity\.level: podSecurity\.level must be one of privileged, baseline, restricted \(got "strict"\)/);
    assert.match(problems({ level: 'baseline', version: '1.29' }).join('\n'), /version: podSecurity\.version must be "latest" or "v1\.N"/);
    assert.match(problems({ level: 'baseline', exclude: {} }).join('\n'), /exclude must be a list/);
    assert.match(problems({ level: 'baseline', levels: 'x' }).join('\n'), /unknown field "levels"/);
    assert.match(problems('restricted').join('\n'), /must be a mapping/);
  });

  it('rejects exclusions Kyverno rejects', () => {
    const one = (entry: unknown, level = 'restricted'): string => problems({ level, exclude: [entry] }).join('\n');
    assert.match(one({ controlName: 'Seccompp' }), /exclude\.0\.controlName: unknown Pod Security Standards control "Seccompp"/);
    assert.match(one({ images: ['*'] }), /exclude entry has no controlName/);
    assert.match(one({ controlName: 'Capabilities' }), /exclude\.0\.images: control "Capabilities" is container-level/);
    assert.match(one({ controlName: 'Host Namespaces', images: ['nginx'] }), /control "Host Namespaces" is pod-level/);
    assert.match(one({ controlName: 'Privilege Escalation', images: ['*'] }, 'baseline'), /belongs to the restricted level/);
    assert.equal(one({ controlName: 'Seccomp' }, 'baseline'), '');
    assert.match(one({ controlName: 'Sysctls', restrictedField: 'spec.securityContext.sysctls[*].name' }), /values is required with restrictedField/);
    assert.match(one({ controlName: 'Sysctls', values: ['a'] }), /restrictedField is required with values/);
    assert.match(one({ controlName: 'Sysctls', image: ['a'] }), /unknown field "image" in exclude entry/);
  });

  it('reports through loadPolicyText with the file position', () => {
    const loaded = loadPolicyText(
      'psa.yaml',
      `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: p
spec:
  rules:
  - name: r
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      podSecurity:
        level: restricted
        version: newest
`,
    );
    assert.deepEqual(loaded.invalidNames, ['p']);
    assert.match(loaded.errors[0]?.describe() ?? '', /^psa\.yaml:15:\d+: invalid policy \(spec\.rules\[0\]\.validate\.podSecurity\.version\): podSecurity\.version must be "latest"/);
  });
});
