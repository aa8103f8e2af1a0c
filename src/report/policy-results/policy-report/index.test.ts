import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { assertGolden } from '../../writers/golden.test-helper.js';
import { reportValidator } from '../crd-schema.test-helper.js';
import { emptyRun, fixtureRun, FIXTURE_TIME } from '../fixture.test-helper.js';
import { policyReportWriter } from './index.js';
import type { PolicyReportDocument } from './index.js';

function documents(text: string): PolicyReportDocument[] {
  return parseAllDocuments(text).map((d) => {
    assert.deepEqual(d.errors, []);
    return d.toJS() as PolicyReportDocument;
  });
}

describe('policy-report writer', () => {
  const reports = documents(policyReportWriter.write(fixtureRun()));

  it('matches the golden file', () => {
    assertGolden('../policy-results/policy-report/testdata/fixture.yaml', policyReportWriter.write(fixtureRun()));
  });

  it('validates against the v1alpha2 CRD schemas Kyverno installs (unknown fields rejected)', () => {
    const validators = { PolicyReport: reportValidator('PolicyReport'), ClusterPolicyReport: reportValidator('ClusterPolicyReport') };
    for (const report of reports) assert.deepEqual(validators[report.kind](report), [], `${report.kind} ${report.metadata.name}`);
    // The validator is not vacuous: a misspelt field and a bad enum value are caught.
    const broken = structuredClone(reports[0]) as unknown as { results: Array<Record<string, unknown>> };
    Object.assign(broken.results[0] ?? {}, { severity: 'severe', sevrity: 'x' });
    assert.equal(validators.ClusterPolicyReport(broken).length, 2);
  });

  it('writes one ClusterPolicyReport for cluster-scoped resources, then one PolicyReport per namespace', () => {
    assert.deepEqual(reports.map((r) => [r.kind, r.metadata.name, r.metadata.namespace]), [
      ['ClusterPolicyReport', 'bosun-policy-report', undefined],
      ['PolicyReport', 'bosun-policy-report-ops', 'ops'],
      ['PolicyReport', 'bosun-policy-report-shop', 'shop'],
    ]);
    for (const r of reports) {
      assert.equal(r.apiVersion, 'wgpolicyk8s.io/v1alpha2');
      assert.equal(r.metadata.labels['app.kubernetes.io/managed-by'], 'bosun');
      for (const result of r.results) for (const ref of result.resources) assert.equal(ref.namespace, r.metadata.namespace);
    }
  });

  it('carries policy, rule, annotations, source, timestamp and the object reference', () => {
    const shop = reports.find((r) => r.metadata.namespace === 'shop');
    const failed = shop?.results.find((r) => r.rule === 'autogen-privileged-containers');
    assert.deepEqual(failed, {
      source: 'kyverno',
      policy: 'disallow-privileged-containers',
      rule: 'autogen-privileged-containers',
      result: 'fail',
      scored: true,
      severity: 'medium',
      category: 'Pod Security Standards (Baseline)',
      message: 'validation rule autogen-privileged-containers failed',
      timestamp: { seconds: Math.floor(FIXTURE_TIME.getTime() / 1000), nanos: 250_000_000 },
      resources: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker', namespace: 'shop', uid: '3f1c2a4e-0000-4000-8000-000000000001' }],
    });
  });

  it('omits severity and category the policy does not declare; an unscored failure is a warn', () => {
    const unscored = reports.find((r) => r.metadata.namespace === 'shop')?.results.find((r) => r.policy === 'require-labels');
    assert.equal(unscored?.result, 'warn');
    assert.equal(unscored?.scored, false);
    assert.equal('severity' in (unscored ?? {}), false);
    assert.equal('category' in (unscored ?? {}), false);
  });

  it('summarises each report by its results', () => {
    assert.deepEqual(reports.map((r) => r.summary), [
      { pass: 0, fail: 1, warn: 0, error: 0, skip: 1 },
      { pass: 0, fail: 0, warn: 1, error: 1, skip: 0 },
      { pass: 1, fail: 1, warn: 1, error: 0, skip: 0 },
    ]);
  });

  it('writes a comment-only stream (valid YAML, no documents) when there are no results', () => {
    const text = policyReportWriter.write(emptyRun());
    assert.equal(parseAllDocuments(text).length, 0);
    assert.match(text, /^# /);
  });
});
