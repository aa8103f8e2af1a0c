import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { PolicyReportDocument } from '../../../report/policy-results/index.js';
import { reportValidator } from '../../../report/policy-results/crd-schema.test-helper.js';
import { sarifValidator } from '../../../report/policy-results/sarif-schema.test-helper.js';
import type { SarifLog } from '../../../report/writers/sarif/types.js';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';
import { APPLY_FORMATS } from './apply.js';
import { APPLY_OUTPUT_CHOICES } from './command.js';
import { workdir } from './workdir.test-helper.js';

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-team
  annotations:
    policies.kyverno.io/title: Require a team label
    policies.kyverno.io/category: Best Practices
    policies.kyverno.io/severity: High
spec:
  rules:
  - name: team-label
    match:
      any:
      - resources:
          kinds: [Pod, Namespace]
    validate:
      message: "a team label is required"
      pattern:
        metadata:
          labels:
            team: "?*"
---
apiVersion: kyverno.io/v1
kind: Policy
metadata:
  name: no-latest
  namespace: shop
  annotations:
    policies.kyverno.io/scored: "false"
spec:
  rules:
  - name: pinned
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      message: "pin the image"
      pattern:
        spec:
          containers:
          - image: "!*:latest"
`;

const RESOURCES = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {team: checkout}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  uid: 0b5d7c1e-0000-4000-8000-00000000000a
spec:
  containers: [{name: c, image: "nginx:latest"}]
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  labels: {team: core}
spec:
  containers: [{name: c, image: "nginx:1.27"}]
`;

const NOW = new Date('2026-11-23T12:00:00.5Z');

async function apply(format: string): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = await workdir({ 'policy.yaml': POLICY, 'resources.yaml': RESOURCES });
  const io = memoryIo({ now: NOW });
  const code = await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'resources.yaml'), '-o', format], io);
  return { code, out: io.out(), err: io.err(), dir };
}

describe('bosun policy apply -o policy-report', () => {
  it('writes one report per namespace and one cluster report, valid against the CRD schemas', async () => {
    const { code, out, err } = await apply('policy-report');
    assert.equal(code, EXIT.findings, err);
    const reports = parseAllDocuments(out).map((d) => d.toJS() as PolicyReportDocument);
    assert.deepEqual(reports.map((r) => [r.kind, r.metadata.name, r.metadata.namespace]), [
      ['ClusterPolicyReport', 'bosun-policy-report', undefined],
      ['PolicyReport', 'bosun-policy-report-default', 'default'],
      ['PolicyReport', 'bosun-policy-report-shop', 'shop'],
    ]);
    const validators = { PolicyReport: reportValidator('PolicyReport'), ClusterPolicyReport: reportValidator('ClusterPolicyReport') };
    for (const r of reports) assert.deepEqual(validators[r.kind](r), [], `${r.kind} ${r.metadata.name}`);
  });

  it('takes severity and category from the policy annotations, the timestamp from the clock, the uid from the manifest', async () => {
    const reports = parseAllDocuments((await apply('policy-report')).out).map((d) => d.toJS() as PolicyReportDocument);
    const shop = reports.find((r) => r.metadata.namespace === 'shop');
    assert.deepEqual(shop?.summary, { pass: 0, fail: 1, warn: 1, error: 0, skip: 0 });
    const team = shop?.results.find((r) => r.policy === 'require-team');
    assert.equal(team?.severity, 'high');
    assert.equal(team?.category, 'Best Practices');
    assert.equal(team?.source, 'kyverno');
    assert.deepEqual(team?.timestamp, { seconds: Math.floor(NOW.getTime() / 1000), nanos: 500_000_000 });
    assert.deepEqual(team?.resources, [{ apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'shop', uid: '0b5d7c1e-0000-4000-8000-00000000000a' }]);
    // A namespaced Policy is named namespace/name; scored: "false" turns its failure into a warn.
    const latest = shop?.results.find((r) => r.policy === 'shop/no-latest');
    assert.deepEqual([latest?.result, latest?.scored], ['warn', false]);
  });

  it('is byte-for-byte the same on a second run', async () => {
    assert.equal((await apply('policy-report')).out, (await apply('policy-report')).out);
  });
});

describe('bosun policy apply -o sarif', () => {
  it('is valid SARIF 2.1.0 with results located at each resource document', async () => {
    const { code, out, dir } = await apply('sarif');
    assert.equal(code, EXIT.findings);
    const log = JSON.parse(out) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    const run = log.runs[0];
    assert.deepEqual(run?.tool.driver.rules.map((r) => [r.id, r.properties['security-severity']]), [['require-team/team-label', '8.0'], ['shop/no-latest/pinned', '5.5']]);
    assert.deepEqual(run?.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation?.region?.startLine]), [
      ['require-team/team-label', 'error', 7],
      ['shop/no-latest/pinned', 'warning', 7],
    ]);
    assert.equal(run?.results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri, `file://${join(dir, 'resources.yaml')}`);
    assert.equal(run?.invocations[0]?.endTimeUtc, NOW.toISOString());
  });
});

describe('bosun policy apply -o', () => {
  it('offers exactly the formats apply writes (the command lists them without loading apply.ts)', () => {
    assert.deepEqual([...APPLY_OUTPUT_CHOICES].sort(), [...APPLY_FORMATS].sort());
  });
});
