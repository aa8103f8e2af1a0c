import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { OVERRIDE_REDUNDANT } from './checks.js';
import type { OverrideScope } from './overrides.js';
import { applyOverride, findOverride } from './overrides.js';
import type { Issue } from './result.js';

const resource = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } });

function scope(labels: Record<string, string>): OverrideScope {
  return { resource, labels, labelsPath: ['metadata', 'labels'] };
}

const issue: Issue = { rule: 'PrivilegedTrue', level: 'error', check: OVERRIDE_REDUNDANT, message: 'm', resource, container: 'app' };

describe('findOverride', () => {
  it('prefers the container label over pod-wide ones, old prefixes included', () => {
    const s = scope({
      'kubeaudit.io/allow-privileged': 'pod-wide',
      'container.audit.kubernetes.io/app.allow-privileged': 'old container label',
    });
    assert.equal(findOverride(s, 'allow-privileged', 'app')?.reason, 'old container label');
    assert.equal(findOverride(s, 'allow-privileged', 'other')?.reason, 'pod-wide');
    assert.equal(findOverride(s, 'allow-privileged')?.key, 'kubeaudit.io/allow-privileged');
  });

  it('accepts the deprecated pod and namespace prefixes', () => {
    assert.equal(findOverride(scope({ 'audit.kubernetes.io/pod.allow-x': 'r' }), 'allow-x')?.reason, 'r');
    assert.equal(findOverride(scope({ 'audit.kubernetes.io/namespace.allow-x': 'r' }), 'allow-x')?.reason, 'r');
    assert.equal(findOverride(scope({ 'kubeaudit.io/allow-y': 'r' }), 'allow-x'), undefined);
  });

  it('records no reason for an empty value or `true`', () => {
    assert.equal(findOverride(scope({ 'kubeaudit.io/allow-x': '' }), 'allow-x')?.reason, undefined);
    assert.equal(findOverride(scope({ 'kubeaudit.io/allow-x': 'TRUE' }), 'allow-x')?.reason, undefined);
    assert.equal(findOverride(scope({ 'kubeaudit.io/allow-x': 'TRUE' }), 'allow-x')?.value, 'TRUE');
  });
});

describe('applyOverride', () => {
  it('passes an issue through when no label matches', () => {
    const result = applyOverride(issue, scope({}), 'allow-privileged', 'app');
    assert.equal(result?.compatibleId, 'kubeaudit:PrivilegedTrue');
    assert.equal(result?.status, 'fail');
    assert.equal(result?.severity, 'high');
  });

  it('renames an overridden issue <Rule>Allowed, skipped at info with the label and reason', () => {
    const result = applyOverride(issue, scope({ 'container.kubeaudit.io/app.allow-privileged': 'needs devices' }), 'allow-privileged', 'app');
    assert.equal(result?.compatibleId, 'kubeaudit:PrivilegedTrueAllowed');
    assert.equal(result?.status, 'skip');
    assert.equal(result?.severity, 'info');
    assert.match(result?.skipReason ?? '', /container\.kubeaudit\.io\/app\.allow-privileged: needs devices/);
  });

  it('reports a label with nothing to override as RedundantAuditorOverride', () => {
    const result = applyOverride(undefined, scope({ 'kubeaudit.io/allow-privileged': 'x' }), 'allow-privileged', 'app');
    assert.equal(result?.compatibleId, 'kubeaudit:RedundantAuditorOverride');
    assert.equal(result?.checkId, 'override-redundant');
    assert.equal(result?.status, 'warn');
    assert.equal(result?.container, 'app');
    assert.deepEqual(result?.path, ['metadata', 'labels', 'kubeaudit.io/allow-privileged']);
    assert.equal(applyOverride(undefined, scope({}), 'allow-privileged', 'app'), undefined);
  });
});
