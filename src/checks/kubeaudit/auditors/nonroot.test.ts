import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

describe('nonroot auditor', () => {
  const cases: Array<[string, JsonObject, JsonObject[], string[]]> = [
    ['nothing set', {}, [{}], ['RunAsNonRootPSCNilCSCNil@c0']],
    ['runAsNonRoot on the pod', { runAsNonRoot: true }, [{}], []],
    ['a non-zero runAsUser alone', { runAsUser: 1000 }, [{}], []],
    ['pod false, container nil', { runAsNonRoot: false }, [{}], ['RunAsNonRootPSCFalseCSCNil@c0']],
    ['container false beats pod true', { runAsNonRoot: true }, [{ runAsNonRoot: false }], ['RunAsNonRootCSCFalse@c0']],
    ['container UID 0', {}, [{ runAsUser: 0, runAsNonRoot: true }], ['RunAsUserCSCRoot@c0']],
    ['pod UID 0 inherited', { runAsUser: 0 }, [{}], ['RunAsUserPSCRoot@c0']],
    ['pod UID 0 overridden by the container', { runAsUser: 0 }, [{ runAsUser: 5 }, {}], ['RunAsUserPSCRoot@c0', 'RunAsUserPSCRoot@c1']],
    ['pod UID 1 with runAsNonRoot false', { runAsUser: 1, runAsNonRoot: false }, [{}], []],
  ];
  for (const [name, podContext, containerContexts, expected] of cases) {
    it(name, () => {
      const containers = containerContexts.map((securityContext, i) => ({ name: `c${i}`, image: 'x:1', securityContext }));
      assert.deepEqual(rules(run('nonroot', [pod({ securityContext: podContext, containers })])), expected);
    });
  }

  it('reports the pod-level UID 0 at warning when the container sets its own UID', () => {
    const results = run('nonroot', [pod({ securityContext: { runAsUser: 0 }, containers: [{ name: 'a', securityContext: { runAsUser: 7 } }, { name: 'b' }] })]);
    assert.deepEqual(results.map((r) => [r.container, r.severity]), [['a', 'warning'], ['b', 'error']]);
  });

  it('overrides per container and flags a label on a compliant container as redundant', () => {
    const labels = { 'container.kubeaudit.io/a.allow-run-as-root': 'r', 'container.kubeaudit.io/b.allow-run-as-root': 'r' };
    const spec = { securityContext: { runAsNonRoot: false }, containers: [{ name: 'a' }, { name: 'b', securityContext: { runAsNonRoot: true } }] };
    assert.deepEqual(rules(run('nonroot', [pod(spec, { labels })])), ['RedundantAuditorOverride@b', 'RunAsNonRootPSCFalseCSCNilAllowed@a']);
  });
});
