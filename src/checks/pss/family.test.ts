import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedCheck } from '../catalog/index.js';
import { auditResources } from '../engine.js';
import { createResourceIndex } from '../resource-index.js';
import type { AuditOptions, CheckResult } from '../types.js';
import type { JsonObject, Resource } from '../../k8s/index.js';
import { inMemoryResource } from '../../k8s/index.js';
import { isBosunError } from '../../kernel/index.js';
import { PSS_CHECKS } from '../../pod-security/index.js';
import { pssFamily } from './family.js';

const POD_SPEC: JsonObject = {
  hostPID: true,
  containers: [
    { name: 'web', image: 'nginx', securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN'] } } },
    { name: 'sidecar', image: 'envoy' },
  ],
};

function run(resources: Resource[], options: Partial<AuditOptions> = {}): CheckResult[] {
  const full: AuditOptions = { pssLevel: 'restricted', pssVersion: 'latest', families: {}, ...options };
  return pssFamily.run({ resources, index: createResourceIndex(resources), options: full });
}

function failures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'fail');
}

describe('pssFamily', () => {
  it('lists every shared check it can emit', () => {
    const ids = new Set(pssFamily.checks.map((c) => c.id));
    for (const check of PSS_CHECKS) for (const id of check.facets) assert.ok(ids.has(id), id);
    assert.equal(ids.size, pssFamily.checks.length);
    assert.equal(pssFamily.checks.find((c) => c.id === 'host-pid'), sharedCheck('host-pid'));
  });

  it('maps a Pod onto shared checks, one result per check, resource and container', () => {
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: POD_SPEC });
    const failed = failures(run([pod], { pssLevel: 'baseline' }));
    assert.deepEqual(
      failed.map((r) => [r.checkId, r.compatibleId, r.container ?? '-', r.path?.join('.')]),
      [
        ['host-pid', 'pss:baseline/hostNamespaces', '-', 'spec.hostPID'],
        ['privileged-container', 'pss:baseline/privileged', 'web', 'spec.containers.0.securityContext.privileged'],
        ['capabilities-added', 'pss:baseline/capabilities_baseline', 'web', 'spec.containers.0.securityContext.capabilities.add.0'],
      ],
    );
    assert.equal(failed[2]?.message, 'non-default capabilities (container "web" must not include "SYS_ADMIN", "NET_ADMIN" in securityContext.capabilities.add)');
    const keys = failed.map((r) => `${r.checkId}/${r.container ?? ''}/${r.discriminator ?? ''}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('emits one pass per shared check and resource for checks that pass, and for fine facets of failing ones', () => {
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: POD_SPEC });
    const passed = run([pod], { pssLevel: 'baseline', includePassed: true }).filter((r) => r.status === 'pass');
    assert.equal(run([pod], { pssLevel: 'baseline' }).filter((r) => r.status === 'pass').length, 0, 'passes are built only when asked for');
    assert.ok(passed.every((r) => r.container === undefined));
    const ids = passed.map((r) => r.checkId);
    assert.ok(ids.includes('host-network') && ids.includes('host-ipc') && ids.includes('host-port'));
    assert.ok(!ids.includes('host-pid') && !ids.includes('privileged-container'));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('audits Deployment and CronJob templates with paths from the resource root', () => {
    const template = { metadata: { labels: { app: 'x' } }, spec: POD_SPEC };
    const deployment = inMemoryResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template } });
    const cronJob = inMemoryResource({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } },
    });
    const results = failures(run([deployment, cronJob]));
    const privileged = results.filter((r) => r.checkId === 'privileged-container');
    assert.deepEqual(privileged.map((r) => [r.resource.kind, r.path?.join('.')]), [
      ['Deployment', 'spec.template.spec.containers.0.securityContext.privileged'],
      ['CronJob', 'spec.jobTemplate.spec.template.spec.containers.0.securityContext.privileged'],
    ]);
    // Restricted: sidecar misses drop ALL, and both containers allow privilege escalation.
    const deploymentIds = results.filter((r) => r.resource === deployment).map((r) => `${r.checkId}@${r.container ?? ''}`);
    for (const expected of ['capabilities-not-dropped@sidecar', 'privilege-escalation-allowed@web', 'run-as-root@sidecar', 'seccomp-profile-missing@web']) {
      assert.ok(deploymentIds.includes(expected), expected);
    }
    assert.ok(results.every((r) => r.compatibleId.startsWith('pss:')));
  });

  it('ignores objects that run no pods', () => {
    const cm = inMemoryResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} });
    assert.deepEqual(run([cm]), []);
  });

  it('follows the version option', () => {
    const spec = { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }] }, containers: [{ name: 'a', image: 'x' }] };
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
    assert.deepEqual(failures(run([pod], { pssLevel: 'baseline', pssVersion: 'v1.31' })).map((r) => r.checkId), ['unsafe-sysctls']);
    assert.deepEqual(failures(run([pod], { pssLevel: 'baseline', pssVersion: 'v1.32' })), []);
  });

  it('refuses an invalid version with a usage error', () => {
    assert.throws(() => run([], { pssVersion: '1.30' }), (e: unknown) => isBosunError(e) && e.code === 'usage');
  });

  it('merges into findings through the engine', () => {
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: POD_SPEC });
    const outcome = auditResources({ resources: [pod], selection: { families: new Set(['pss']), pssLevel: 'baseline' } });
    const finding = outcome.findings.find((f) => f.checkId === 'privileged-container');
    assert.equal(finding?.subject.container, 'web');
    assert.deepEqual(finding?.compatibleIds, ['pss:baseline/privileged']);
    assert.equal(finding?.location?.field, 'spec.containers[0].securityContext.privileged');
  });
});
