import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

async function workdir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-generate-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ns-defaults
spec:
  rules:
  - name: quota
    match:
      any:
      - resources:
          kinds: [Namespace]
    generate:
      apiVersion: v1
      kind: ResourceQuota
      name: default-quota
      namespace: "{{request.object.metadata.name}}"
      synchronize: true
      data:
        spec:
          hard: {cpu: "4"}
  - name: copy-secret
    match:
      any:
      - resources:
          kinds: [Namespace]
    generate:
      apiVersion: v1
      kind: Secret
      name: regcred
      namespace: "{{request.object.metadata.name}}"
      clone:
        namespace: default
        name: regcred
`;
const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
`;
const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: default-quota
  namespace: team-a
  labels:
    generate.kyverno.io/policy-name: ns-defaults
spec:
  hard: {cpu: "4"}
`;
const SOURCE = `apiVersion: v1
kind: Secret
metadata: {name: regcred, namespace: default, resourceVersion: "7"}
data: {k: dg==}
`;
const CLONED = `apiVersion: v1
kind: Secret
metadata: {name: regcred, namespace: team-a}
data: {k: dg==}
`;
const TEST = `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata: {name: ns-defaults}
policies: [../policy.yaml]
resources: [ns.yaml]
results:
- {policy: ns-defaults, rule: quota, kind: Namespace, resources: [team-a], result: pass, generatedResource: quota.yaml}
- {policy: ns-defaults, rule: copy-secret, kind: Namespace, resources: [team-a], result: pass, generatedResource: cloned.yaml, cloneSourceResource: source.yaml}
`;

describe('bosun policy test: generatedResource', () => {
  it('passes when generated (data and clone) resources equal the expected ones', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 't/ns.yaml': NAMESPACE, 't/quota.yaml': QUOTA, 't/source.yaml': SOURCE, 't/cloned.yaml': CLONED, 't/kyverno-test.yaml': TEST });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.ok, io.out() + io.err());
  });

  it('reports Resource diff when a generated resource differs', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY, 't/ns.yaml': NAMESPACE, 't/quota.yaml': QUOTA.replace('"4"', '"8"'), 't/source.yaml': SOURCE, 't/cloned.yaml': CLONED, 't/kyverno-test.yaml': TEST });
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'test', dir], io), EXIT.findings);
    assert.match(io.out(), /Resource diff/);
  });
});

describe('bosun policy apply --output-dir: generated resources', () => {
  it('writes each generated resource', async () => {
    const dir = await workdir({ 'policy.yaml': POLICY.slice(0, POLICY.indexOf('  - name: copy-secret')), 'ns.yaml': NAMESPACE });
    const out = join(dir, 'out');
    const io = memoryIo();
    assert.equal(await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'ns.yaml'), '--output-dir', out], io), EXIT.ok, io.err());
    assert.deepEqual(await readdir(out), ['resourcequota-team-a-default-quota.yaml']);
    assert.match(await readFile(join(out, 'resourcequota-team-a-default-quota.yaml'), 'utf8'), /cpu: "4"/);
  });
});
