import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SarifLog } from '../../writers/sarif/types.js';
import { assertGolden } from '../../writers/golden.test-helper.js';
import { emptyRun, fixtureRun } from '../fixture.test-helper.js';
import { sarifValidator } from '../sarif-schema.test-helper.js';
import { policySarifWriter } from './index.js';

const validateSarif = sarifValidator();

function render(run = fixtureRun()): SarifLog {
  return JSON.parse(policySarifWriter.write(run)) as SarifLog;
}

describe('policy sarif writer', () => {
  it('matches the golden file', () => {
    assertGolden('../policy-results/sarif/testdata/fixture.sarif', policySarifWriter.write(fixtureRun()));
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(validateSarif(render()), []);
    assert.deepEqual(validateSarif(render(emptyRun())), []);
  });

  it('reports fail, warn and error results, not pass or skip, one rule per policy rule', () => {
    const run = render().runs[0];
    assert.ok(run !== undefined);
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.level, r.properties?.['status']]), [
      ['disallow-privileged-containers/autogen-privileged-containers', 'error', 'fail'],
      ['require-labels/check-team', 'warning', 'fail'],
      ['require-labels/check-team', 'warning', 'warn'],
      ['ops/restrict-registries/registries', 'error', 'error'],
      ['require-ns-owner/owner-label', 'error', 'fail'],
    ]);
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
  });

  it('locates each result at its resource document, with a placeholder when the file is unknown', () => {
    const run = render().runs[0];
    const where = run?.results.map((r) => {
      const physical = r.locations[0]?.physicalLocation;
      return [physical?.artifactLocation.uri, physical?.region?.startLine, r.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName];
    });
    assert.deepEqual(where, [
      ['manifests/shop.yaml', 12, 'Deployment/shop/worker'],
      ['manifests/shop.yaml', 12, 'Deployment/shop/worker'],
      ['manifests/ops%20dir/debug.yaml', 3, 'Pod/ops/debug'],
      ['memory', 1, 'Pod/ops/debug'],
      ['manifests/shop.yaml', 1, 'Namespace/ops'],
    ]);
  });

  it('describes rules from the policy annotations, with a GitHub security severity', () => {
    const rules = render().runs[0]?.tool.driver.rules ?? [];
    const privileged = rules.find((r) => r.id === 'disallow-privileged-containers/autogen-privileged-containers');
    assert.equal(privileged?.shortDescription.text, 'Disallow Privileged Containers (autogen-privileged-containers)');
    assert.equal(privileged?.fullDescription.text, 'Privileged mode disables most security mechanisms and must not be allowed.');
    assert.deepEqual(privileged?.properties.tags, ['security', 'kyverno', 'Pod Security Standards (Baseline)']);
    assert.equal(rules.find((r) => r.id === 'require-ns-owner/owner-label')?.properties['security-severity'], '9.5');
    // require-labels declares no severity: medium, as in Kyverno's library.
    assert.equal(rules.find((r) => r.id === 'require-labels/check-team')?.properties['security-severity'], '5.5');
  });

  it('says an unevaluable rule could not be evaluated, and lists input problems as notifications', () => {
    const run = render().runs[0];
    assert.match(run?.results[3]?.message.text ?? '', /^rule could not be evaluated: variable substitution failed/);
    assert.equal(run?.invocations[0]?.executionSuccessful, false);
    assert.equal(run?.invocations[0]?.toolExecutionNotifications[0]?.locations?.[0]?.physicalLocation?.region?.startLine, 4);
  });

  it('fingerprints policy rule and object, not the position', () => {
    const moved = fixtureRun();
    const records = moved.results.map((r) => (r.location === undefined ? r : { ...r, location: { ...r.location, line: r.location.line + 10 } }));
    const a = render().runs[0]?.results.map((r) => r.partialFingerprints['bosun/v1']);
    const b = render({ ...moved, results: records }).runs[0]?.results.map((r) => r.partialFingerprints['bosun/v1']);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, a?.length);
  });
});
