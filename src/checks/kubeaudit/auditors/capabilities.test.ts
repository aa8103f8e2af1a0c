import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

function withCapabilities(capabilities: JsonObject | undefined, labels: Record<string, string> = {}): JsonObject {
  const securityContext = capabilities === undefined ? {} : { capabilities };
  return pod({ containers: [{ name: 'app', image: 'x:1', securityContext }] }, { labels });
}

describe('capabilities auditor', () => {
  it('wants a capabilities block that drops ALL', () => {
    assert.deepEqual(rules(run('capabilities', [withCapabilities(undefined)])), ['CapabilityOrSecurityContextMissing@app']);
    assert.deepEqual(rules(run('capabilities', [withCapabilities({ drop: ['NET_RAW'] })])), ['CapabilityShouldDropAll@app']);
    assert.deepEqual(rules(run('capabilities', [withCapabilities({ drop: ['all'] })])), []);
  });

  it('reports unallowed added capabilities in one result and overridden ones in another', () => {
    const labels = { 'kubeaudit.io/allow-capability-sys-time': 'ntp' };
    const results = run('capabilities', [withCapabilities({ drop: ['ALL'], add: ['SYS_TIME', 'NET_ADMIN', 'CHOWN'] }, labels)]);
    assert.deepEqual(rules(results), ['CapabilityAdded@app', 'CapabilityAddedAllowed@app']);
    assert.match(results.find((r) => r.rule === 'CapabilityAdded')?.message ?? '', /CHOWN, NET_ADMIN/);
  });

  it('lets the allow list through, and calls a label for an allowed capability redundant', () => {
    const config = { capabilities: { allowAddList: ['NET_BIND_SERVICE'] } };
    const labels = { 'kubeaudit.io/allow-capability-net-bind-service': 'x' };
    assert.deepEqual(rules(run('capabilities', [withCapabilities({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] })], config)), []);
    assert.deepEqual(rules(run('capabilities', [withCapabilities({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, labels)], config)), ['RedundantAuditorOverride@app']);
  });
});
