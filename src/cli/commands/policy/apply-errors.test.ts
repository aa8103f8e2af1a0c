/**
 * `bosun policy apply` on broken input: each problem is one clear line naming the file (and line,
 * where there is one), the exit status says which kind of problem it was, and no stack is printed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';
import { POD, podPolicy, workdir } from './workdir.test-helper.js';

async function apply(files: Record<string, string>, extra: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const dir = await workdir(files);
  const io = memoryIo();
  const code = await runCli(['policy', 'apply', '-p', join(dir, 'policy.yaml'), '-r', join(dir, 'resources.yaml'), ...extra.map((a) => (a.startsWith('@') ? join(dir, a.slice(1)) : a))], io);
  return { code, out: io.out(), err: io.err() };
}

function assertNoStack(err: string): void {
  assert.doesNotMatch(err, /\n {4}at /, 'no stack trace');
  assert.doesNotMatch(err, /internal error/);
}

const deny = (key: string, operator = 'Equals'): string => `      deny:
        conditions:
          any:
          - key: "${key}"
            operator: ${operator}
            value: x
`;

describe('bosun policy apply: invalid policies', () => {
  const cases = [
    { what: 'an unknown operator', policy: podPolicy('bad-operator', deny('{{ request.object.metadata.name }}', 'Equalz')), line: 18, reason: /unknown operator "Equalz"/ },
    { what: 'a bad anchor', policy: podPolicy('bad-anchor', '      pattern:\n        spec:\n          (containers:\n          - image: "!*:latest"\n'), line: 16, reason: /anchor "\(containers" is missing its closing parenthesis/ },
    { what: 'bad JMESPath', policy: podPolicy('bad-jmespath', deny('{{ request.object.spec.containers[?image == }}')), line: 17, reason: /invalid JMESPath/ },
  ];
  for (const c of cases) {
    it(`reports ${c.what} at file:line and exits ${EXIT.input}`, async () => {
      const { code, err } = await apply({ 'policy.yaml': c.policy, 'resources.yaml': POD });
      assert.equal(code, EXIT.input, err);
      assert.match(err, new RegExp(`policy\\.yaml:${c.line}:\\d+: invalid policy`));
      assert.match(err, c.reason);
      assertNoStack(err);
    });
  }

  it('still lists the file and line in the SARIF notifications', async () => {
    const { code, out } = await apply({ 'policy.yaml': cases[0]?.policy ?? '', 'resources.yaml': POD }, ['-o', 'sarif']);
    assert.equal(code, EXIT.input);
    const log = JSON.parse(out) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> }> };
    const invocation = log.runs[0]?.invocations[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.match(invocation?.toolExecutionNotifications[0]?.message.text ?? '', /unknown operator/);
    assert.equal(invocation?.toolExecutionNotifications[0]?.locations[0]?.physicalLocation.region.startLine, 18);
  });
});

describe('bosun policy apply: inputs that cannot be used', () => {
  it('an unresolvable variable makes the rule an error with the reason, and exits 1', async () => {
    const { code, out, err } = await apply({ 'policy.yaml': podPolicy('unresolved', deny('{{ allowedRegistry }}')), 'resources.yaml': POD }, ['-o', 'json']);
    assert.equal(code, EXIT.findings, err);
    const { results } = JSON.parse(out) as { results: Array<{ status: string; message: string }> };
    assert.deepEqual(results.map((r) => r.status), ['error']);
    assert.match(results[0]?.message ?? '', /allowedRegistry/);
    assert.equal(err, '');
  });

  it('the unresolvable variable shows as `error` in the policy report', async () => {
    const { code, out } = await apply({ 'policy.yaml': podPolicy('unresolved', deny('{{ allowedRegistry }}')), 'resources.yaml': POD }, ['-o', 'policy-report']);
    assert.equal(code, EXIT.findings);
    assert.match(out, /result: error/);
    assert.match(out, /error: 1/);
  });

  it('a missing values file names the file and exits 3', async () => {
    const { code, out, err } = await apply({ 'policy.yaml': podPolicy('p', deny('{{ x }}')), 'resources.yaml': POD }, ['--values', '@nope.yaml']);
    assert.equal(code, EXIT.input);
    assert.match(err, /^bosun: .*nope\.yaml: cannot read values file .*nope\.yaml: ENOENT/);
    assert.equal(out, '');
    assertNoStack(err);
  });

  it('a malformed resource file is reported at file:line, the rest still evaluated, and exits 3', async () => {
    const broken = `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: [b\n`;
    const { code, out, err } = await apply({ 'policy.yaml': podPolicy('p', '      pattern:\n        metadata:\n          name: "?*"\n'), 'resources.yaml': broken }, ['-o', 'json']);
    assert.equal(code, EXIT.input);
    assert.match(err, /resources\.yaml:1[2-4]:\d+: malformed YAML/);
    assert.equal((JSON.parse(out) as { results: unknown[] }).results.length, 1, 'the good Pod was still evaluated');
    assertNoStack(err);
  });

  it('a document that is not a Kubernetes object is reported at its line', async () => {
    const { code, err } = await apply({ 'policy.yaml': podPolicy('p', '      pattern:\n        metadata:\n          name: "?*"\n'), 'resources.yaml': `${POD}---\nfoo: bar\n` });
    assert.equal(code, EXIT.input);
    assert.match(err, /resources\.yaml:9:1: document 2 is not a Kubernetes object/);
    assertNoStack(err);
  });

  it('an unknown -o format is a usage error listing the choices', async () => {
    const { code, err } = await apply({ 'policy.yaml': podPolicy('p', deny('{{ x }}')), 'resources.yaml': POD }, ['-o', 'xml']);
    assert.equal(code, EXIT.usage);
    assert.match(err, /policy-report/);
    assertNoStack(err);
  });
});
