import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { renderPath, runPodSecurity } from './pod-security.js';
import { runValidate } from './validate.js';

const restrictedContainer = (name: string, image: string, extra: JsonObject = {}): JsonObject => ({
  name,
  image,
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] }, ...extra },
});

const pod = (spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('runPodSecurity', () => {
  it('passes a pod that meets the level and lists every violated check when it does not', () => {
    assert.equal(runPodSecurity('r', { level: 'restricted', version: 'latest' }, pod({ containers: [restrictedContainer('a', 'nginx')] })).status, 'pass');
    const outcome = runPodSecurity('r', { level: 'restricted', version: 'latest' }, pod({ hostNetwork: true, containers: [{ name: 'a', image: 'nginx' }] }));
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.message, /^validation error: rule r failed: violates PodSecurity "restricted:latest": host namespaces \(hostNetwork=true\); allowPrivilegeEscalation != false \(container "a" must set/);
    assert.match(outcome.message, /runAsNonRoot != true/);
    assert.match(outcome.message, /seccompProfile/);
  });

  it('baseline ignores restricted checks; privileged enforces nothing; version selects checks', () => {
    const loose = pod({ containers: [{ name: 'a', image: 'nginx' }] });
    assert.equal(runPodSecurity('r', { level: 'baseline', version: 'latest' }, loose).status, 'pass');
    assert.equal(runPodSecurity('r', { level: 'privileged', version: 'latest' }, pod({ hostPID: true, containers: [] })).status, 'pass');
    // seccompProfile_restricted applies from v1.19 on; before that restricted does not look at it.
    const noSeccomp = pod({ containers: [restrictedContainer('a', 'nginx', { seccompProfile: null })] });
    assert.equal(runPodSecurity('r', { level: 'restricted', version: 'v1.18' }, noSeccomp).status, 'pass');
    assert.equal(runPodSecurity('r', { level: 'restricted', version: 'v1.30' }, noSeccomp).status, 'fail');
  });

  it('judges a controller by its pod template', () => {
    const deployment: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { metadata: {}, spec: { containers: [{ name: 'a', image: 'nginx', securityContext: { privileged: true } }] } } },
    };
    const outcome = runPodSecurity('r', { level: 'baseline' }, deployment);
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.message, /privileged \(container "a" must not set securityContext\.privileged=true\)/);
    assert.equal(runPodSecurity('r', { level: 'baseline' }, { kind: 'ConfigMap', data: {} }).status, 'skip');
  });

  it('exempts pod-level faults with an entry without images, container faults with one whose images match', () => {
    const spec: JsonObject = {
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [restrictedContainer('a', 'nginx:1.25', { seccompProfile: { type: 'Unconfined' } })],
    };
    const rule = (exclude: JsonObject[]): JsonObject => ({ level: 'restricted', version: 'latest', exclude });
    assert.equal(runPodSecurity('r', rule([{ controlName: 'Seccomp' }]), pod(spec)).status, 'fail', 'container fault still there');
    assert.equal(runPodSecurity('r', rule([{ controlName: 'Seccomp', images: ['nginx*'] }]), pod(spec)).status, 'fail', 'pod fault still there');
    assert.equal(runPodSecurity('r', rule([{ controlName: 'Seccomp' }, { controlName: 'Seccomp', images: ['nginx*'] }]), pod(spec)).status, 'pass');
    assert.equal(runPodSecurity('r', rule([{ controlName: 'Seccomp' }, { controlName: 'Seccomp', images: ['redis*'] }]), pod(spec)).status, 'fail', 'image does not match');
  });

  it('with restrictedField, exempts only the listed values and keeps the rest in the message', () => {
    const spec: JsonObject = {
      containers: [
        restrictedContainer('a', 'nginx', { capabilities: { drop: ['ALL'], add: ['NET_ADMIN', 'SYS_TIME'] } }),
        restrictedContainer('b', 'redis', { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } }),
      ],
    };
    const exclusion = (values: string[]): JsonObject => ({
      level: 'restricted',
      exclude: [{ controlName: 'Capabilities', images: ['*'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values }],
    });
    const partial = runPodSecurity('r', exclusion(['NET_ADMIN']), pod(spec));
    assert.equal(partial.status, 'fail');
    assert.match(partial.message, /container "a" must not include "NET_ADMIN", "SYS_TIME"/);
    assert.doesNotMatch(partial.message, /container "b"/);
    assert.equal(runPodSecurity('r', exclusion(['NET_ADMIN', 'SYS_TIME']), pod(spec)).status, 'pass');
  });

  it('matches fields that name a member of the faulty item (sysctls[*].name) or an enclosing mapping', () => {
    const spec: JsonObject = { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] }, containers: [{ name: 'a', image: 'x' }] };
    const rule = (values: string[]): JsonObject => ({
      level: 'baseline',
      exclude: [{ controlName: 'Sysctls', restrictedField: 'spec.securityContext.sysctls[*].name', values }],
    });
    assert.equal(runPodSecurity('r', rule(['kernel.msgmax']), pod(spec)).status, 'pass');
    assert.equal(runPodSecurity('r', rule(['kernel.other']), pod(spec)).status, 'fail');
  });

  it('reports a bad version as an error, not a failure', () => {
    assert.equal(runPodSecurity('r', { level: 'baseline', version: 'v2.0' }, pod({ containers: [] })).status, 'error');
  });
});

describe('renderPath', () => {
  it('renders list indices as [*], as Kyverno field paths do', () => {
    assert.equal(renderPath(['spec', 'containers', 0, 'ports', 2, 'hostPort']), 'spec.containers[*].ports[*].hostPort');
  });
});

describe('runValidate dispatch', () => {
  it('runs validate.podSecurity on the request object', () => {
    const data = { request: { operation: 'CREATE', object: pod({ hostIPC: true, containers: [] }) } };
    const outcome = runValidate('r', { podSecurity: { level: 'baseline', version: 'latest' } }, data, {});
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.message, /hostIPC=true/);
  });
});
