import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../k8s/index.js';
import { inMemoryResource } from '../../k8s/index.js';
import { SHARED_CHECKS } from '../catalog/index.js';
import { auditResources } from '../engine.js';
import { createResourceIndex } from '../resource-index.js';
import type { CheckResult } from '../types.js';
import { AUDITOR_NAMES } from './config.js';
import { AUDITORS, kubeauditFamily } from './family.js';
import { auditKubeaudit, kubeauditResults } from './view.js';

/** Objects that make every auditor report something, overrides and redundant labels included. */
const KITCHEN_SINK: JsonObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'open', namespace: 'shop' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}], egress: [{}] },
  },
  {
    apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' },
    spec: {
      template: {
        metadata: {
          labels: {
            'kubeaudit.io/allow-privileged': 'legacy',
            'kubeaudit.io/allow-namespace-host-PID': 'unused',
            'container.kubeaudit.io/web.allow-capability-net-admin': 'routing',
            'container.kubeaudit.io/web.allow-host-path-mount-sock': 'docker builds',
            'container.kubeaudit.io/web.allow-disabled-apparmor': 'old kernel',
          },
          annotations: {
            'container.apparmor.security.beta.kubernetes.io/web': 'unconfined',
            'container.apparmor.security.beta.kubernetes.io/sidecar': 'bogus',
            'container.apparmor.security.beta.kubernetes.io/gone': 'runtime/default',
            'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
          },
        },
        spec: {
          hostNetwork: true,
          serviceAccount: 'legacy',
          securityContext: { runAsUser: 0 },
          volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }, { name: 'proc', hostPath: { path: '/proc' } }],
          containers: [
            {
              name: 'web', image: 'nginx',
              securityContext: { privileged: true, allowPrivilegeEscalation: true, readOnlyRootFilesystem: false, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } },
              volumeMounts: [{ name: 'sock', mountPath: '/sock' }, { name: 'proc', mountPath: '/host/proc' }],
              resources: { limits: { cpu: '4' } },
            },
            { name: 'sidecar', image: 'envoy:1.30', securityContext: { runAsNonRoot: false, runAsUser: 1000, seccompProfile: { type: 'Unconfined' } } },
          ],
        },
      },
    },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'plain', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
];

const CONFIG = { auditors: { image: { image: 'envoy:1.29' }, limits: { cpu: '2' } } };

function runFamily(): CheckResult[] {
  const resources = KITCHEN_SINK.map((o) => inMemoryResource(o));
  return kubeauditFamily.run({
    resources,
    index: createResourceIndex(resources),
    options: { pssLevel: 'restricted', pssVersion: 'latest', families: { kubeaudit: CONFIG } },
  });
}

describe('kubeauditFamily', () => {
  it('registers every auditor file, under kubeaudit\'s names', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'auditors');
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.js') && !f.endsWith('.test.js')).map((f) => f.replace(/\.js$/, ''));
    assert.deepEqual(onDisk.sort(), [...AUDITORS.keys()].sort());
    assert.deepEqual([...AUDITORS.keys()].sort(), [...AUDITOR_NAMES].sort());
  });

  it('reports only checks it lists, each result answering to one of the check\'s compatible ids', () => {
    const results = runFamily();
    const listed = new Map(kubeauditFamily.checks.map((c) => [c.id, c]));
    const emitted = new Set<string>();
    for (const r of results) {
      const check = listed.get(r.checkId);
      assert.ok(check !== undefined, `unlisted check ${r.checkId}`);
      const base = r.compatibleId.endsWith('Allowed') ? r.compatibleId.slice(0, -'Allowed'.length) : r.compatibleId;
      assert.ok(check.compatibleIds.includes(base), `${r.compatibleId} is not an id of ${r.checkId}`);
      assert.ok(r.severity !== undefined);
      emitted.add(r.compatibleId.slice('kubeaudit:'.length));
    }
    for (const rule of [
      'PrivilegedTrueAllowed', 'AllowPrivilegeEscalationTrue', 'ReadOnlyRootFilesystemFalse', 'CapabilityAdded', 'CapabilityAddedAllowed',
      'SensitivePathsMounted', 'SensitivePathsMountedAllowed', 'NamespaceHostNetworkTrue', 'RedundantAuditorOverride', 'RunAsUserPSCRoot',
      'RunAsNonRootPSCNilCSCNil', 'SeccompDisabledContainer', 'SeccompProfileMissing', 'AppArmorDisabledAllowed', 'AppArmorBadValue',
      'AppArmorInvalidAnnotation', 'AppArmorAnnotationMissing', 'AutomountServiceAccountTokenDeprecated', 'ImageTagMissing', 'ImageTagIncorrect',
      'LimitsCPUExceeded', 'LimitsMemoryNotSet', 'LimitsNotSet', 'DeprecatedAPIUsed', 'MissingDefaultDenyIngressAndEgressNetworkPolicy',
      'AllowAllIngressNetworkPolicyExists', 'AllowAllEgressNetworkPolicyExists',
    ]) {
      assert.ok(emitted.has(rule), `kitchen sink did not produce ${rule}`);
    }
  });

  it('uses shared checks for shared facts, once per check, resource, container and rule, without discriminator', () => {
    const shared = new Set(SHARED_CHECKS.map((c) => c.id));
    const results = runFamily().filter((r) => shared.has(r.checkId));
    assert.ok(results.length > 0);
    const keys = results.map((r) => `${r.resource.name}/${r.checkId}/${r.container ?? ''}/${r.compatibleId}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(results.every((r) => r.discriminator === undefined));
    assert.equal(results.find((r) => r.compatibleId === 'kubeaudit:PrivilegedTrueAllowed')?.checkId, 'privileged-container');
  });

  it('feeds the engine: overridden results become suppressed findings', () => {
    const resources = KITCHEN_SINK.map((o) => inMemoryResource(o));
    const outcome = auditResources({ resources, selection: { families: new Set(['kubeaudit']) }, options: { families: { kubeaudit: CONFIG } } });
    const privileged = outcome.findings.find((f) => f.checkId === 'privileged-container');
    assert.equal(privileged?.status, 'skip');
    assert.match(privileged?.suppression?.reason ?? '', /kubeaudit\.io\/allow-privileged: legacy/);
    assert.equal(kubeauditResults(outcome.results).length, auditKubeaudit(resources, CONFIG).length);
  });

  it('runs only enabled auditors', () => {
    const resources = KITCHEN_SINK.map((o) => inMemoryResource(o));
    const only = Object.fromEntries(AUDITOR_NAMES.map((n) => [n, n === 'hostns']));
    const rules = new Set(auditKubeaudit(resources, { enabledAuditors: only }).map((r) => r.rule));
    assert.deepEqual([...rules].sort(), ['NamespaceHostNetworkTrue', 'RedundantAuditorOverride']);
  });
});

describe('kubeauditResults', () => {
  it('folds the CPU and memory halves of LimitsNotSet back into one kubeaudit result', () => {
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x:1' }] } });
    const only = Object.fromEntries(AUDITOR_NAMES.map((n) => [n, n === 'limits']));
    const results = auditKubeaudit([pod], { enabledAuditors: only });
    assert.deepEqual(results.map((r) => [r.rule, r.severity, r.metadata]), [['LimitsNotSet', 'warning', { Container: 'c' }]]);
  });
});
