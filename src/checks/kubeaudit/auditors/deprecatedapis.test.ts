import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../k8s/index.js';
import { podObject as pod, ruleList as rules, runAuditor as run } from '../harness.js';

const CRONJOB: JsonObject = { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: {} };

function severity(config: JsonObject, object: JsonObject = CRONJOB): string | undefined {
  const results = run('deprecatedapis', [object], { deprecatedapis: config });
  return results[0]?.severity;
}

describe('deprecatedapis auditor', () => {
  it('reports a deprecated version with kubeaudit message and metadata', () => {
    const [result, ...rest] = run('deprecatedapis', [CRONJOB]);
    assert.equal(rest.length, 0);
    assert.equal(result?.rule, 'DeprecatedAPIUsed');
    assert.equal(result?.message, 'batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+, introduced in v1.8+; use batch/v1 CronJob');
    assert.equal(result?.metadata['ReplacementGroup'], 'batch/v1');
    assert.deepEqual(run('deprecatedapis', [{ ...CRONJOB, apiVersion: 'batch/v1' }]), []);
  });

  it('grades by the current and targeted versions, removal winning', () => {
    assert.equal(severity({}), 'warning');
    assert.equal(severity({ currentVersion: '1.20' }), 'info');
    assert.equal(severity({ currentVersion: '1.21' }), 'warning');
    assert.equal(severity({ targetedVersion: '1.24' }), 'warning');
    assert.equal(severity({ currentVersion: '1.20', targetedVersion: '1.25' }), 'error');
    // kubeaudit compares major and minor separately: 2.0 is not at or past 1.25.
    assert.equal(severity({ targetedVersion: '2.0' }), 'warning');
  });

  it('judges the version recorded in the last-applied annotation', () => {
    const served = (lastApplied: string): JsonObject => ({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'd', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
    });
    assert.deepEqual(rules(run('deprecatedapis', [served('{"apiVersion":"extensions/v1beta1","kind":"Deployment"}')])), ['DeprecatedAPIUsed']);
    assert.deepEqual(run('deprecatedapis', [served('{"apiVersion":"apps/v1","kind":"Deployment"}')]), []);
    assert.deepEqual(run('deprecatedapis', [served('not json')]), []);
  });
});
