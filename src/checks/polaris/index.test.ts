import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_CHECKS } from '../catalog/index.js';
import { BUILT_IN_CHECKS, DEFAULT_SEVERITIES, polarisFamily } from './index.js';
import { auditYaml, contextFor, only, resourcesFrom, statuses } from './testing.js';

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: api } }
    spec:
      initContainers:
        - { name: migrate, image: "migrate:1.0" }
      containers:
        - name: app
          image: "api:1.2"
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 1, memory: 128Mi } }
`;

test('every built-in check has a default severity, and the defaults name only built-ins', () => {
  assert.equal(BUILT_IN_CHECKS.size, 44);
  assert.deepEqual([...BUILT_IN_CHECKS.keys()].sort(), Object.keys(DEFAULT_SEVERITIES).sort());
});

test('the family lists every check it reports, shared ones from the catalog', () => {
  const listed = new Set(polarisFamily.checks.map((c) => c.id));
  for (const check of BUILT_IN_CHECKS.values()) {
    assert.ok(listed.has(check.info.id), check.id);
    assert.ok(check.info.compatibleIds.includes(`polaris:${check.id}`), `${check.id} is not among the compatible ids of ${check.info.id}`);
  }
  const shared = new Set(SHARED_CHECKS.map((c) => c.id));
  const own = polarisFamily.checks.filter((c) => !shared.has(c.id));
  assert.equal(own.length, 14);
  for (const c of own) assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('results carry our ids, polaris compatible ids and mapped severities', () => {
  const results = auditYaml(DEPLOYMENT);
  const tag = results.find((r) => r.compatibleId === 'polaris:tagNotSpecified' && r.container === 'app');
  assert.equal(tag?.checkId, 'image-tag-missing');
  assert.equal(tag?.severity, 'high');
  const probe = results.find((r) => r.compatibleId === 'polaris:readinessProbeMissing');
  assert.equal(probe?.checkId, 'readiness-probe-missing');
  assert.equal(probe?.severity, 'medium');
  assert.equal(probe?.status, 'fail');
  assert.deepEqual(probe?.path, ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe']);
  // One result per check and container, no discriminators.
  assert.ok(results.every((r) => r.discriminator === undefined));
});

test('init containers are left out of checks that exclude them, kept in the others', () => {
  const results = auditYaml(DEPLOYMENT, only('cpuLimitsMissing', 'tagNotSpecified'));
  assert.deepEqual(statuses(results, 'cpuLimitsMissing'), ['pass:app']);
  assert.deepEqual(statuses(results, 'tagNotSpecified'), ['pass:migrate', 'pass:app']);
});

test('ignore turns a check off; warning and danger set the severity', () => {
  const results = auditYaml(DEPLOYMENT, { checks: { tagNotSpecified: 'ignore', pullPolicyNotAlways: 'danger' } });
  assert.equal(statuses(results, 'tagNotSpecified').length, 0);
  assert.ok(results.filter((r) => r.compatibleId === 'polaris:pullPolicyNotAlways').every((r) => r.severity === 'high'));
});

test('annotation exemptions skip all checks or one check', () => {
  const all = auditYaml(DEPLOYMENT.replace('namespace: shop }', 'namespace: shop, annotations: { polaris.fairwinds.com/exempt: "true" } }'));
  assert.ok(all.length > 0 && all.every((r) => r.status === 'skip' && r.skipReason?.includes('polaris.fairwinds.com/exempt') === true));
  const one = auditYaml(DEPLOYMENT.replace('namespace: shop }', 'namespace: shop, annotations: { polaris.fairwinds.com/pullPolicyNotAlways-exempt: "true" } }'));
  assert.deepEqual(statuses(one, 'pullPolicyNotAlways'), ['skip:migrate', 'skip:app']);
  assert.ok(one.filter((r) => r.compatibleId !== 'polaris:pullPolicyNotAlways').every((r) => r.status !== 'skip'));
  const ignored = auditYaml(DEPLOYMENT.replace('namespace: shop }', 'namespace: shop, annotations: { polaris.fairwinds.com/exempt: "true" } }'), { disallowExemptions: true });
  assert.ok(ignored.every((r) => r.status !== 'skip'));
});

test('config exemptions match namespace, name prefix, container and rules', () => {
  const config = (exemption: unknown): unknown => ({ exemptions: [exemption] });
  const skipped = (exemption: unknown, id: string): string[] => statuses(auditYaml(DEPLOYMENT, config(exemption)), id);
  assert.deepEqual(skipped({ namespace: 'shop', controllerNames: ['ap'], rules: ['pullPolicyNotAlways'] }, 'pullPolicyNotAlways'), ['skip:migrate', 'skip:app']);
  assert.deepEqual(skipped({ namespace: 'other', rules: ['pullPolicyNotAlways'] }, 'pullPolicyNotAlways'), ['fail:migrate', 'fail:app']);
  assert.deepEqual(skipped({ controllerNames: ['apix'] }, 'pullPolicyNotAlways'), ['fail:migrate', 'fail:app']);
  assert.deepEqual(skipped({ containerNames: ['migrate'] }, 'pullPolicyNotAlways'), ['skip:migrate', 'fail:app']);
  // Container-name exemptions never match pod-level checks.
  assert.deepEqual(skipped({ containerNames: ['migrate'] }, 'hostIPCSet'), ['pass']);
});

test('summary: scores per resource, namespace and overall; skipped results do not count', () => {
  const text = `${DEPLOYMENT}
---
apiVersion: v1
kind: Pod
metadata: { name: naked, annotations: { polaris.fairwinds.com/exempt: "true" } }
spec: { containers: [ { name: c, image: nginx } ] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cfg }
data: { db_password: hunter2 }
`;
  const resources = resourcesFrom(text);
  const context = contextFor(resources, only('pullPolicyNotAlways', 'hostIPCSet', 'sensitiveConfigmapContent', 'cpuLimitsMissing'));
  const summary = polarisFamily.summarize?.(polarisFamily.run(context), context);
  assert.ok(summary !== undefined);
  // api: pull policy fails twice (danger here), hostIPC and cpu limit pass; cfg: one danger failure.
  assert.deepEqual(summary.byResource.find((r) => r.name === 'api'), { kind: 'Deployment', namespace: 'shop', name: 'api', score: 50, grade: 'F', passed: 2, warnings: 0, dangers: 2 });
  assert.equal(summary.byResource.some((r) => r.name === 'naked'), false);
  assert.deepEqual(summary.byNamespace['default'], { score: 0, grade: 'F', passed: 0, warnings: 0, dangers: 1 });
  assert.equal(summary.overall.passed, 2);
  assert.equal(summary.overall.dangers, 3);
  assert.equal(summary.overall.score, 40);
});

test('a summary of nothing scores 100', () => {
  const context = contextFor([]);
  assert.deepEqual(polarisFamily.summarize?.([], context).overall, { score: 100, grade: 'A+', passed: 0, warnings: 0, dangers: 0 });
});
