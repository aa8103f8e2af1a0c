import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

async function workdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-policy-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-labels
spec:
  rules:
  - name: check-for-labels
    match:
      any:
      - resources:
          kinds: [Pod]
    validate:
      message: "label app.kubernetes.io/name is required"
      pattern:
        metadata:
          labels:
            app.kubernetes.io/name: "?*"
`;

const RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: good
  labels:
    app.kubernetes.io/name: web
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bad
  namespace: prod
spec:
  template:
    metadata: {}
    spec:
      containers: [{name: c, image: nginx}]
`;

const test = (results: string, extra = ''): string => `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata:
  name: t
policies:
- ../policy.yaml
resources:
- resources.yaml
${extra}results:
${results}`;

const RESULTS = `- policy: require-labels
  rule: check-for-labels
  kind: Pod
  resources: [good]
  result: pass
- policy: require-labels
  rule: check-for-labels
  kind: Deployment
  resources: [prod/bad]
  result: fail
`;

describe('bosun policy test', () => {
  it('passes when every expectation holds (autogen rule names included)', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, '.kyverno-test/resources.yaml': RESOURCES, '.kyverno-test/kyverno-test.yaml': test(RESULTS) });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.ok, io.out() + io.err());
    assert.match(io.out(), /autogen-check-for-labels/);
    assert.match(io.out(), /apps\/v1\/Deployment\/prod\/bad/);
    assert.match(io.out(), /Test Summary: 1 tests passed and 0 tests failed/);
  });

  it('fails on a mismatch; --fail-only and -o json show only that row', async () => {
    const wrong = RESULTS.replace('result: fail', 'result: pass');
    const dir = await workdir({ 'policy.yaml': POLICY, '.kyverno-test/resources.yaml': RESOURCES, '.kyverno-test/kyverno-test.yaml': test(wrong) });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir, '--fail-only', '--detailed-results', '-o', 'json'], io), EXIT.findings);
    const report = JSON.parse(io.out()) as { tests: Array<{ results: Array<{ reason: string; message: string }> }> };
    assert.equal(report.tests[0]?.results.length, 1);
    assert.equal(report.tests[0]?.results[0]?.reason, 'Want pass, got fail');
    assert.match(report.tests[0]?.results[0]?.message ?? '', /is required/);
  });

  it('a missing values file is a clear input error', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, '.kyverno-test/resources.yaml': RESOURCES, '.kyverno-test/kyverno-test.yaml': test(RESULTS, 'variables: values.yaml\n') });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.input);
    assert.match(io.err(), /cannot read values file .*values\.yaml/);
  });

  it('a malformed resource file is reported with its location and fails the test', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, '.kyverno-test/resources.yaml': `${RESOURCES}---\nkind: [unclosed\n`, '.kyverno-test/kyverno-test.yaml': test(RESULTS) });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.input);
    assert.match(io.err(), /resources\.yaml:\d+/);
  });

  it('an invalid policy is reported with file:line and its rows fail as Invalid Policy', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY.replace('pattern:', 'patern:'), '.kyverno-test/resources.yaml': RESOURCES, '.kyverno-test/kyverno-test.yaml': test(RESULTS) });
    const io = memoryIo();
    assert.notEqual(await runCli(['policy', 'test', dir], io), EXIT.ok);
    assert.match(io.err(), /policy\.yaml:\d+:\d+: invalid policy/);
    assert.match(io.out(), /Invalid Policy/);
  });

  it('rejects unknown fields and the deprecated schema', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 'x/resources.yaml': RESOURCES, 'x/kyverno-test.yaml': `name: old\npolicies: [../policy.yaml]\nresources: [resources.yaml]\nresults: []\n` });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.input);
    assert.match(io.err(), /deprecated test schema/);
  });
});

describe('bosun policy apply', () => {
  it('reports every rule result and exits 1 on a failure', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 'resources.yaml': RESOURCES });
    const io = memoryIo();
    const code = await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'resources.yaml'), '-o', 'json'], io);
    assert.equal(code, EXIT.findings, io.err());
    const report = JSON.parse(io.out()) as { results: Array<{ rule: string; status: string }> };
    assert.deepEqual(report.results.map((r) => [r.rule, r.status]), [['check-for-labels', 'pass'], ['autogen-check-for-labels', 'fail']]);
  });

  it('--help lists every output format with an example', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'apply', '--help'], io), EXIT.ok);
    assert.match(io.out(), /choices: "table",\s+"json",\s+"policy-report",\s+"sarif"/);
    assert.match(io.out(), /-o policy-report \| kubectl apply -f -/);
  });

  it('a missing values file is a clear input error', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 'resources.yaml': RESOURCES });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'resources.yaml'), '--values', join(dir, 'nope.yaml')], io), EXIT.input);
    assert.match(io.err(), /cannot read values file/);
  });
});
