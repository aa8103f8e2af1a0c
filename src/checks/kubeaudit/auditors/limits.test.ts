import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function withLimits(limits: JsonObject | undefined): JsonObject {
  return pod({ containers: [{ name: 'c', ...(limits === undefined ? {} : { resources: { limits } }) }] });
}

describe('limits auditor', () => {
  it('wants CPU and memory limits', () => {
    assert.deepEqual(rules(run('limits', [withLimits(undefined)])), ['LimitsNotSet@c']);
    assert.deepEqual(rules(run('limits', [withLimits({})])), ['LimitsCPUNotSet@c', 'LimitsMemoryNotSet@c']);
    assert.deepEqual(rules(run('limits', [withLimits({ cpu: '0', memory: '1Gi' })])), ['LimitsCPUNotSet@c']);
    assert.deepEqual(run('limits', [withLimits({ cpu: 1, memory: '1Gi' })]), []);
  });

  it('compares against configured maximums in kubeaudit units', () => {
    const limits = { cpu: '750m', memory: '512Mi' };
    assert.deepEqual(rules(run('limits', [withLimits(limits)], { limits: { cpu: '600m', memory: '384' } })), ['LimitsCPUExceeded@c', 'LimitsMemoryExceeded@c']);
    assert.deepEqual(run('limits', [withLimits(limits)], { limits: { cpu: '0.75', memory: '512Mi' } }), []);
    assert.deepEqual(run('limits', [withLimits(limits)], { limits: { cpu: '0', memory: '' } }), []);
  });
});
