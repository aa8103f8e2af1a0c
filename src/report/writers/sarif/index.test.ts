import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { emptyReport, fixtureReport, HOSTILE_NAME } from '../fixture.test-helper.js';
import { assertGolden } from '../golden.test-helper.js';
import { sarifWriter } from './index.js';
import type { SarifLog, SarifResult, SarifRun } from './types.js';
import { artifactLocationOf } from './uri.js';

/** The SARIF 2.1.0 JSON schema (draft-04), read in place from the dev dependency. */
function sarifValidator(): (value: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema: unknown = JSON.parse(readFileSync(path, 'utf8'));
  // CommonJS default export seen from ESM: the class is `module.exports`, typed as `.default`.
  // `unicodeRegExp: false`: the schema's `language` pattern has a stray `]`, legal only without the u flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  // `uri` / `uri-reference` formats: GitHub's upload action rejects URIs that fail them.
  addFormats.default(ajv);
  const validate = ajv.compile(schema as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

const validateSarif = sarifValidator();

function render(report = fixtureReport()): { log: SarifLog; run: SarifRun } {
  const log = JSON.parse(sarifWriter.write(report)) as SarifLog;
  const run = log.runs[0];
  assert.ok(run !== undefined);
  return { log, run };
}

function resultFor(run: SarifRun, predicate: (r: SarifResult) => boolean): SarifResult {
  const found = run.results.find(predicate);
  assert.ok(found !== undefined);
  return found;
}

describe('sarif writer', () => {
  it('matches the golden file', () => {
    assertGolden('sarif/testdata/fixture.sarif', sarifWriter.write(fixtureReport()));
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(validateSarif(render().log), []);
    assert.deepEqual(validateSarif(render(emptyReport()).log), []);
  });

  it('writes one run with the tool, version and schema', () => {
    const { log, run } = render();
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'Bosun');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/bosun-dev/bosun');
  });

  it('meets what GitHub code scanning requires of every result', () => {
    const { run } = render();
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    for (const result of run.results) {
      assert.ok(ruleIds.includes(result.ruleId), `${result.ruleId} is a rule`);
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule');
      assert.ok(result.locations.length >= 1, 'at least one location');
      const physical = result.locations[0]?.physicalLocation;
      assert.ok(physical !== undefined && physical.artifactLocation.uri !== '', 'artifact uri');
      assert.ok((physical.region?.startLine ?? 0) >= 1, 'startLine >= 1');
      assert.match(result.partialFingerprints['bosun/v1'] ?? '', /^[0-9a-f]{32}$/);
      assert.ok(result.message.text.length > 0);
    }
    for (const rule of run.tool.driver.rules) {
      const score = Number(rule.properties['security-severity']);
      assert.ok(Number.isFinite(score) && score >= 0 && score <= 10, `${rule.id} security-severity`);
      assert.ok(rule.properties.tags.includes('security'));
    }
  });

  it('maps severities to levels and security-severity', () => {
    const { run } = render();
    const rule = (id: string): SarifRun['tool']['driver']['rules'][number] => {
      const found = run.tool.driver.rules.find((r) => r.id === id);
      assert.ok(found !== undefined);
      return found;
    };
    assert.equal(rule('privileged-container').properties['security-severity'], '9.5');
    assert.equal(rule('privileged-container').defaultConfiguration.level, 'error');
    assert.equal(rule('host-network').properties['security-severity'], '8.0');
    // run-as-non-root is medium on one finding and high on another: the rule carries the worst.
    assert.equal(rule('run-as-non-root').properties['security-severity'], '8.0');
    assert.equal(rule('liveness-probe').properties['security-severity'], '3.0');
    assert.equal(rule('liveness-probe').defaultConfiguration.level, 'note');
    assert.equal(rule('image-tag-latest').properties['security-severity'], '0.0');
    assert.deepEqual(rule('privileged-container').properties.tags.slice(0, 2), ['security', 'Security']);
    assert.ok(rule('privileged-container').properties.tags.includes('kubeaudit:PrivilegedTrue'));
    assert.equal(rule('privileged-container').name, 'PrivilegedContainer');
    assert.equal(rule('privileged-container').shortDescription.text, 'Privileged container');
    assert.equal(rule('privileged-container').help.text, 'Set securityContext.privileged to false.');
    assert.equal(resultFor(run, (r) => r.ruleId === 'run-as-non-root' && r.message.text.includes('sidecar')).level, 'warning');
    assert.equal(resultFor(run, (r) => r.ruleId === 'liveness-probe').level, 'note');
  });

  it('omits passes, suppresses skips, and keeps rules to the results present', () => {
    const report = fixtureReport();
    const { run } = render(report);
    assert.equal(run.results.length, report.findings.filter((f) => f.status !== 'pass').length);
    const skipped = run.results.filter((r) => r.suppressions !== undefined);
    assert.equal(skipped.length, 1);
    assert.deepEqual(skipped[0]?.suppressions?.[0], {
      kind: 'external',
      status: 'accepted',
      justification: 'CNI agent needs the host network',
      properties: { source: '.bosun.yaml:14', owner: 'platform-team', ticket: 'OPS-123', expires: '2031-01-01' },
    });
    const ruleIds = new Set(run.results.map((r) => r.ruleId));
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id).filter((id) => !ruleIds.has(id)), []);
  });

  it('writes locations: relative encoded paths, stdin and in-memory placeholders, logical locations', () => {
    const { run } = render();
    const web = resultFor(run, (r) => r.ruleId === 'privileged-container' && r.message.text.includes('prod/web'));
    assert.deepEqual(web.locations[0]?.physicalLocation, { artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 24, startColumn: 11 } });
    assert.deepEqual(web.locations[0]?.logicalLocations, [{ name: 'web', fullyQualifiedName: 'Deployment/prod/web', kind: 'resource' }]);
    assert.match(web.message.text, /Deployment prod\/web, container app/);

    const odd = resultFor(run, (r) => r.message.text.includes(HOSTILE_NAME));
    assert.equal(odd.locations[0]?.physicalLocation?.artifactLocation.uri, 'odd%20dir/%C3%BCn%C3%AFcode%20%231.yaml');
    const piped = resultFor(run, (r) => r.message.text.includes('Job ci/migrate'));
    assert.deepEqual(piped.locations[0]?.physicalLocation, { artifactLocation: { uri: 'stdin' }, region: { startLine: 7, startColumn: 3 } });
    const generated = resultFor(run, (r) => r.message.text.includes('default/generated'));
    assert.deepEqual(generated.locations[0]?.physicalLocation, { artifactLocation: { uri: 'memory' }, region: { startLine: 1, startColumn: 1 } });
  });

  it('puts input problems in the invocation', () => {
    const { run } = render();
    const invocation = run.invocations[0];
    assert.ok(invocation !== undefined);
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 2);
    assert.deepEqual(invocation.toolExecutionNotifications[0], {
      level: 'error',
      message: { text: 'malformed document: unexpected end of flow sequence' },
      descriptor: { id: 'input.yaml' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 8 } } }],
    });
    assert.deepEqual(invocation.toolExecutionNotifications[1]?.locations, [{ physicalLocation: { artifactLocation: { uri: '.bosun.yaml', uriBaseId: '%SRCROOT%' } } }]);
    assert.equal(render(emptyReport()).run.invocations[0]?.executionSuccessful, true);
  });

  it('keeps the markdown help inert', () => {
    const { run } = render();
    const markdown = run.tool.driver.rules.map((r) => r.help.markdown ?? '').join('\n');
    assert.doesNotMatch(markdown, /<img|<b>|\]\(javascript/);
  });
});

describe('artifactLocationOf', () => {
  it('normalizes relative paths and makes absolute ones file URIs', () => {
    assert.deepEqual(artifactLocationOf('./deploy//web.yaml'), { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocationOf('deploy\\web.yaml'), { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocationOf('../up/a:b?c.yaml'), { uri: '../up/a%3Ab%3Fc.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocationOf('/srv/repo/x y.yaml'), { uri: 'file:///srv/repo/x%20y.yaml' });
    assert.deepEqual(artifactLocationOf('C:\\repo\\x.yaml'), { uri: 'file:///C:/repo/x.yaml' });
    assert.deepEqual(artifactLocationOf('\\\\server\\share\\x.yaml'), { uri: 'file://server/share/x.yaml' });
    assert.deepEqual(artifactLocationOf('<stdin>'), { uri: 'stdin' });
    assert.deepEqual(artifactLocationOf('-'), { uri: 'stdin' });
    assert.deepEqual(artifactLocationOf('<memory>'), { uri: 'memory' });
  });
});
