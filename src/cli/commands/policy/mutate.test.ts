import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

async function workdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-mutate-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: add-labels
spec:
  rules:
  - name: add-team
    match:
      any:
      - resources:
          kinds: [Pod]
    mutate:
      patchStrategicMerge:
        metadata:
          labels:
            +(team): bosun
`;
const RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers: [{name: a, image: a}]
---
apiVersion: v1
kind: Pod
metadata:
  name: labelled
  labels: {team: other}
spec:
  containers: [{name: a, image: a}]
`;
const PATCHED = `apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: default
  labels: {team: bosun}
spec:
  containers: [{name: a, image: a}]
`;
const test = (patched: string): string => `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata: {name: add-labels}
policies: [../policy.yaml]
resources: [resources.yaml]
results:
- {policy: add-labels, rule: add-team, kind: Pod, resources: [plain], result: pass, patchedResources: ${patched}}
- {policy: add-labels, rule: add-team, kind: Pod, resources: [labelled], result: skip}
`;

describe('bosun policy test: patchedResources', () => {
  it('passes when the mutated resource equals the expected one', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 't/resources.yaml': RESOURCES, 't/patched.yaml': PATCHED, 't/kyverno-test.yaml': test('patched.yaml') });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.ok, io.out() + io.err());
  });

  it('reports Resource diff when it does not', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 't/resources.yaml': RESOURCES, 't/patched.yaml': PATCHED.replace('team: bosun', 'team: other'), 't/kyverno-test.yaml': test('patched.yaml') });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.findings);
    assert.match(io.out(), /Resource diff/);
  });

  it('drops a row whose patched file has no such resource, unless failOnMissingResources', async () => {
    const other = PATCHED.replace('name: plain', 'name: elsewhere').replace('team: bosun', 'team: x');
    const dir = await workdir({ 'policy.yaml': POLICY, 't/resources.yaml': RESOURCES, 't/patched.yaml': other, 't/kyverno-test.yaml': test('patched.yaml') });
    assert.equal(await runCli(['policy', 'test', dir], memoryIo()), EXIT.ok);
    const strict = await workdir({ 'policy.yaml': POLICY, 't/resources.yaml': RESOURCES, 't/patched.yaml': other, 't/kyverno-test.yaml': test('patched.yaml, failOnMissingResources: true') });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', strict], io), EXIT.findings);
    assert.match(io.out(), /Resource error/);
  });
});

describe('bosun policy apply --output-dir', () => {
  it('writes each mutated resource', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 'resources.yaml': RESOURCES });
    const out = join(dir, 'out');
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'resources.yaml'), '--output-dir', out], io), EXIT.ok, io.err());
    assert.deepEqual(await readdir(out), ['pod-default-plain.yaml']);
    assert.match(await readFile(join(out, 'pod-default-plain.yaml'), 'utf8'), /team: bosun/);
  });
});
