import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../k8s/index.js';
import { isBosunError } from '../kernel/index.js';
import { activeChecks, evaluatePodSecurity, formatViolations } from './evaluate.js';
import type { PodSecurityInput } from './pod.js';
import type { PssCheckId, PssLevel } from './types.js';
import { parsePssVersion } from './version.js';

/** A pod allowed at restricted:latest; tests break one thing at a time. */
function restrictedPod(): { spec: JsonObject; metadata: JsonObject } {
  const hardened = (name: string): JsonObject => ({
    name,
    image: 'registry.k8s.io/pause',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  });
  return {
    metadata: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [hardened('init')],
      containers: [hardened('app')],
    },
  };
}

function tweak(change: (pod: { spec: JsonObject; metadata: JsonObject }) => void): PodSecurityInput {
  const pod = restrictedPod();
  change(pod);
  return pod;
}

/** Typed access into the test pod, so tweaks stay one-liners. */
function container(pod: { spec: JsonObject }, field = 'containers', index = 0): JsonObject {
  const list = pod.spec[field] as JsonObject[];
  const found = list[index];
  assert.ok(found !== undefined);
  return found;
}
function context(target: JsonObject): JsonObject {
  target['securityContext'] ??= {};
  return target['securityContext'] as JsonObject;
}

function violated(input: PodSecurityInput, level: PssLevel, version: string): string[] {
  return evaluatePodSecurity(input, level, version).violations.map((v) => v.checkId);
}

describe('evaluatePodSecurity', () => {
  it('allows the hardened pod at every version and level', () => {
    for (let minor = 0; minor <= 37; minor++) {
      for (const level of ['baseline', 'restricted'] as const) {
        const verdict = evaluatePodSecurity(restrictedPod(), level, `v1.${minor}`);
        assert.equal(verdict.allowed, true, `${level} v1.${minor}: ${formatViolations(verdict.violations)}`);
      }
    }
  });

  it('reports the forbidden reason and the containers at fault, init and ephemeral ones included', () => {
    const input = tweak((p) => {
      context(container(p))['privileged'] = true;
      context(container(p, 'initContainers'))['privileged'] = true;
      p.spec['ephemeralContainers'] = [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }];
    });
    const verdict = evaluatePodSecurity(input, 'baseline', 'latest');
    assert.equal(verdict.allowed, false);
    assert.equal(verdict.version, 'v1.37');
    assert.equal(
      formatViolations(verdict.violations),
      'privileged (containers "init", "app", "debug" must not set securityContext.privileged=true)',
    );
    assert.deepEqual(verdict.violations[0]?.problems.map((p) => p.path.join('.')), [
      'spec.initContainers.0.securityContext.privileged',
      'spec.containers.0.securityContext.privileged',
      'spec.ephemeralContainers.0.securityContext.privileged',
    ]);
  });

  it('grows the safe sysctls with the version (1.27, 1.29, 1.32, 1.37)', () => {
    const withSysctl = (name: string): PodSecurityInput => tweak((p) => (context(p.spec)['sysctls'] = [{ name, value: '1' }]));
    const cases: Array<[string, string, string]> = [
      ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
      ['net.ipv4.tcp_keepalive_time', 'v1.28', 'v1.29'],
      ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
      ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
    ];
    for (const [name, before, from] of cases) {
      assert.deepEqual(violated(withSysctl(name), 'baseline', before), ['sysctls'], `${name} at ${before}`);
      assert.deepEqual(violated(withSysctl(name), 'baseline', from), [], `${name} at ${from}`);
    }
    const denied = evaluatePodSecurity(withSysctl('kernel.msgmax'), 'baseline', 'latest').violations[0];
    assert.equal(denied?.forbiddenReason, 'forbidden sysctls');
    assert.match(denied?.detail ?? '', /"kernel\.msgmax"/);
  });

  it('lets user-namespaced pods unmask /proc at baseline from 1.35, never at restricted', () => {
    const input = tweak((p) => {
      p.spec['hostUsers'] = false;
      context(container(p))['procMount'] = 'Unmasked';
    });
    assert.deepEqual(violated(input, 'baseline', 'v1.34'), ['procMount']);
    assert.deepEqual(violated(input, 'baseline', 'v1.35'), []);
    assert.deepEqual(violated(input, 'restricted', 'v1.34'), ['procMount']);
    // procMount_restricted replaces procMount from 1.35, so the pod fails once, not twice.
    assert.deepEqual(violated(input, 'restricted', 'v1.35'), ['procMount_restricted']);
    const hostUsers = tweak((p) => context(container(p))['procMount'] = 'Unmasked');
    assert.deepEqual(violated(hostUsers, 'baseline', 'v1.35'), ['procMount']);
  });

  it('replaces capabilities_baseline with capabilities_restricted from 1.22', () => {
    const input = tweak((p) => (context(container(p))['capabilities'] = { add: ['CHOWN'] }));
    assert.deepEqual(violated(input, 'restricted', 'v1.21'), []);
    const verdict = evaluatePodSecurity(input, 'restricted', 'v1.22');
    assert.deepEqual(verdict.violations.map((v) => v.checkId), ['capabilities_restricted']);
    assert.equal(
      formatViolations(verdict.violations),
      'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]; ' +
        'container "app" must not include "CHOWN" in securityContext.capabilities.add)',
    );
    const sysAdmin = tweak((p) => (context(container(p))['capabilities'] = { add: ['SYS_ADMIN', 'chown'], drop: ['ALL'] }));
    assert.deepEqual(violated(sysAdmin, 'baseline', 'latest'), ['capabilities_baseline']);
    assert.match(formatViolations(evaluatePodSecurity(sysAdmin, 'baseline', 'latest').violations), /^non-default capabilities \(.*"SYS_ADMIN", "chown"/);
  });

  it('reads seccomp annotations before 1.19 and the seccompProfile field from 1.19', () => {
    const annotated = tweak((p) => (p.metadata['annotations'] = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }));
    assert.deepEqual(violated(annotated, 'baseline', 'v1.18'), ['seccompProfile_baseline']);
    assert.deepEqual(violated(annotated, 'baseline', 'v1.19'), []);
    const emptyAnnotation = tweak((p) => (p.metadata['annotations'] = { 'container.seccomp.security.alpha.kubernetes.io/app': '' }));
    assert.deepEqual(violated(emptyAnnotation, 'baseline', 'v1.18'), ['seccompProfile_baseline']);
    const field = tweak((p) => (context(container(p))['seccompProfile'] = { type: 'Unconfined' }));
    assert.deepEqual(violated(field, 'baseline', 'v1.18'), []);
    assert.deepEqual(violated(field, 'baseline', 'v1.19'), ['seccompProfile_baseline']);
    assert.deepEqual(violated(field, 'restricted', 'v1.19'), ['seccompProfile_restricted']);
  });

  it('requires a seccomp profile at restricted: the pod\'s or every container\'s', () => {
    const unset = tweak((p) => delete context(p.spec)['seccompProfile']);
    const verdict = evaluatePodSecurity(unset, 'restricted', 'latest');
    assert.equal(
      formatViolations(verdict.violations),
      'seccompProfile (pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    const perContainer = tweak((p) => {
      delete context(p.spec)['seccompProfile'];
      context(container(p))['seccompProfile'] = { type: 'RuntimeDefault' };
      context(container(p, 'initContainers'))['seccompProfile'] = { type: 'Localhost', localhostProfile: 'x.json' };
    });
    assert.deepEqual(violated(perContainer, 'restricted', 'latest'), []);
  });

  it('runs runAsUser from 1.23 and exempts hostUsers: false from 1.35', () => {
    const root = tweak((p) => (context(p.spec)['runAsUser'] = 0));
    assert.deepEqual(violated(root, 'restricted', 'v1.22'), []);
    assert.deepEqual(violated(root, 'restricted', 'v1.23'), ['runAsUser']);
    const namespaced = tweak((p) => {
      p.spec['hostUsers'] = false;
      context(p.spec)['runAsUser'] = 0;
      context(p.spec)['runAsNonRoot'] = false;
    });
    assert.deepEqual(violated(namespaced, 'restricted', 'v1.34'), ['runAsNonRoot', 'runAsUser']);
    assert.deepEqual(violated(namespaced, 'restricted', 'v1.35'), []);
  });

  it('accepts runAsNonRoot on every container instead of the pod, and refuses false anywhere', () => {
    const perContainer = tweak((p) => {
      delete context(p.spec)['runAsNonRoot'];
      context(container(p))['runAsNonRoot'] = true;
      context(container(p, 'initContainers'))['runAsNonRoot'] = true;
    });
    assert.deepEqual(violated(perContainer, 'restricted', 'latest'), []);
    const overridden = tweak((p) => (context(container(p))['runAsNonRoot'] = false));
    assert.equal(formatViolations(evaluatePodSecurity(overridden, 'restricted', 'latest').violations), 'runAsNonRoot != true (container "app" must not set securityContext.runAsNonRoot=false)');
  });

  it('exempts Windows pods from Linux-only restricted checks from 1.25', () => {
    const windows: PodSecurityInput = {
      spec: { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'app', image: 'x' }] },
    };
    assert.deepEqual(violated(windows, 'restricted', 'v1.24'), ['allowPrivilegeEscalation', 'seccompProfile_restricted', 'capabilities_restricted']);
    assert.deepEqual(violated(windows, 'restricted', 'v1.25'), []);
  });

  it('checks probe and lifecycle hosts from 1.34', () => {
    const input = tweak((p) => {
      container(p)['livenessProbe'] = { httpGet: { host: 'evil.example', port: 80 } };
      container(p)['lifecycle'] = { preStop: { tcpSocket: { host: '10.0.0.1', port: 22 } } };
    });
    assert.deepEqual(violated(input, 'baseline', 'v1.33'), []);
    assert.equal(
      formatViolations(evaluatePodSecurity(input, 'baseline', 'v1.34').violations),
      'probe or lifecycle host (container "app" must not set livenessProbe.httpGet.host="evil.example", lifecycle.preStop.tcpSocket.host="10.0.0.1")',
    );
  });

  it('allows container_engine_t from 1.31 and never a user or role', () => {
    const engine = tweak((p) => (context(p.spec)['seLinuxOptions'] = { type: 'container_engine_t' }));
    assert.deepEqual(violated(engine, 'baseline', 'v1.30'), ['seLinuxOptions']);
    assert.deepEqual(violated(engine, 'baseline', 'v1.31'), []);
    const user = tweak((p) => (context(container(p))['seLinuxOptions'] = { user: 'root', level: 's0' }));
    assert.match(formatViolations(evaluatePodSecurity(user, 'baseline', 'latest').violations), /container "app" must not set securityContext.seLinuxOptions user "root"/);
  });

  it('restricts volume types at restricted, where restrictedVolumes replaces hostPathVolumes', () => {
    const input = tweak((p) => {
      p.spec['volumes'] = [{ name: 'defaulted' }, { name: 'cache', emptyDir: {} }, { name: 'node', hostPath: { path: '/' } }, { name: 'share', nfs: { server: 's', path: '/' } }];
    });
    assert.deepEqual(violated(input, 'baseline', 'latest'), ['hostPathVolumes']);
    const verdict = evaluatePodSecurity(input, 'restricted', 'latest');
    assert.deepEqual(verdict.violations.map((v) => v.checkId), ['restrictedVolumes']);
    assert.equal(verdict.violations[0]?.detail, 'volumes "node", "share" use restricted volume types "hostPath", "nfs"');
    assert.deepEqual(verdict.violations[0]?.problems[0]?.path, ['spec', 'volumes', 2, 'hostPath']);
  });

  it('rejects Unconfined AppArmor in annotations and fields', () => {
    const input = tweak((p) => {
      p.metadata['annotations'] = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined', 'other/x': 'unconfined' };
      context(p.spec)['appArmorProfile'] = { type: 'Unconfined' };
    });
    const violation = evaluatePodSecurity(input, 'baseline', 'latest').violations[0];
    assert.equal(violation?.forbiddenReason, 'forbidden AppArmor profiles');
    assert.deepEqual(violation?.problems.map((p) => p.container ?? 'pod'), ['pod', 'app']);
    const local = tweak((p) => (p.metadata['annotations'] = { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/custom' }));
    assert.deepEqual(violated(local, 'baseline', 'latest'), []);
  });

  it('reports host namespaces and hostProcess at pod level', () => {
    const input = tweak((p) => {
      p.spec['hostNetwork'] = true;
      p.spec['hostIPC'] = true;
      context(p.spec)['windowsOptions'] = { hostProcess: true };
    });
    assert.equal(
      formatViolations(evaluatePodSecurity(input, 'baseline', 'latest').violations),
      'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true), host namespaces (hostNetwork=true; hostIPC=true)',
    );
  });

  it('gives paths from the resource root when told where the pod sits', () => {
    const pod = tweak((p) => (container(p)['ports'] = [{ containerPort: 80 }, { containerPort: 8080, hostPort: 8080 }]));
    const verdict = evaluatePodSecurity({ ...pod, specPath: ['spec', 'template', 'spec'] }, 'baseline', 'latest');
    assert.deepEqual(verdict.violations[0]?.problems[0]?.path, ['spec', 'template', 'spec', 'containers', 0, 'ports', 1, 'hostPort']);
  });

  it('throws a usage error on a bad version', () => {
    assert.throws(() => evaluatePodSecurity(restrictedPod(), 'baseline', 'v1.x'), (e: unknown) => isBosunError(e) && e.code === 'usage');
  });
});

describe('activeChecks', () => {
  it('runs 12 baseline checks and 19 - 4 overridden at restricted latest', () => {
    const latest = parsePssVersion('latest');
    assert.equal(activeChecks('baseline', latest).length, 12);
    const restricted = activeChecks('restricted', latest).map((a) => a.check.id);
    assert.equal(restricted.length, 15);
    const replaced: PssCheckId[] = ['hostPathVolumes', 'seccompProfile_baseline', 'capabilities_baseline', 'procMount'];
    for (const id of replaced) assert.ok(!restricted.includes(id), id);
  });
  it('runs only the checks that exist at v1.0', () => {
    const ids = activeChecks('restricted', parsePssVersion('v1.0')).map((a) => a.check.id);
    assert.deepEqual(ids.filter((id) => ['allowPrivilegeEscalation', 'runAsUser', 'seccompProfile_restricted', 'capabilities_restricted', 'hostProbesAndHostLifecycle', 'procMount_restricted'].includes(id)), []);
    assert.ok(ids.includes('runAsNonRoot') && ids.includes('restrictedVolumes') && !ids.includes('hostPathVolumes'));
  });
});
