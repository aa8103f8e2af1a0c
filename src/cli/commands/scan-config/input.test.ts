import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

async function workdir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-input-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

interface JsonReport {
  inputs: { files: string[]; resources: number };
  diagnostics: Array<{ level: string; code: string; message: string; file?: string; line?: number; column?: number }>;
}

async function scanJson(args: string[], stdin?: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const io = memoryIo(stdin === undefined ? {} : { stdin });
  const code = await runCli(['scan', 'config', '-f', 'json', '--checks', 'bosun', ...args], io);
  return { code, report: JSON.parse(io.out()) as JsonReport, stderr: io.err() };
}

describe('scan config: bad input is reported, never fatal', () => {
  it('malformed YAML: file:line:column, other files still audited, input-error exit', async () => {
    const dir = await workdir({ 'a-bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n', 'b-good.yaml': POD });
    const { code, report, stderr } = await scanJson([dir]);
    assert.equal(code, EXIT.input);
    assert.equal(report.inputs.resources, 1);
    const d = report.diagnostics.find((x) => x.code === 'input.yaml');
    assert.ok(d, 'a YAML diagnostic');
    assert.equal(d.file, join(dir, 'a-bad.yaml'));
    assert.ok((d.line ?? 0) >= 4 && (d.column ?? 0) >= 1);
    assert.match(stderr, /a-bad\.yaml:\d+:\d+: malformed YAML/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('malformed JSON points at the bad token', async () => {
    const dir = await workdir({ 'pod.json': '{\n  "apiVersion": "v1",\n  "kind": "Pod",,\n}\n' });
    const { code, report } = await scanJson([dir]);
    assert.equal(code, EXIT.input);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.line]),
      [['input.json', 3]],
    );
  });

  it('a binary file with a manifest extension', async () => {
    const dir = await workdir({ 'blob.yaml': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'pod.yaml': POD });
    const { code, report } = await scanJson([dir]);
    assert.equal(code, EXIT.input);
    assert.equal(report.inputs.resources, 1);
    assert.match(report.diagnostics[0]?.message ?? '', /binary file/);
  });

  it('an empty file', async () => {
    const dir = await workdir({ 'empty.yaml': '', 'comments.yaml': '# nothing here\n---\n' });
    const { code, report } = await scanJson([dir]);
    assert.equal(code, EXIT.input);
    assert.equal(report.diagnostics.filter((d) => d.code === 'input.empty').length, 2);
  });

  it('documents without kind, unknown built-in kinds, custom resources', async () => {
    const text = `${POD}---\nfoo: bar\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: typo}\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls}\n---\n- just\n- a list\n`;
    const dir = await workdir({ 'mixed.yaml': text });
    const { code, report } = await scanJson([dir]);
    assert.equal(code, EXIT.input);
    assert.equal(report.inputs.resources, 2, 'the Pod and the custom resource are kept');
    const messages = report.diagnostics.map((d) => `${d.line}: ${d.message}`);
    assert.deepEqual(messages, [
      '10: document 2 has no `kind`, so it is not a Kubernetes object',
      '12: document 3: unknown kind "Deploymnet" for apiVersion apps/v1 (a typo?)',
      '20: document 5 is a list, not a Kubernetes object',
    ]);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const dir = await workdir({ 'big.yaml': `${POD}${'# padding\n'.repeat(2000)}`, 'pod.yaml': POD });
    const { code, report } = await scanJson(['--max-file-size', '8k', dir]);
    assert.equal(code, EXIT.input);
    assert.equal(report.inputs.resources, 1);
    assert.match(report.diagnostics[0]?.message ?? '', /over the 8\.0 KiB limit/);
  });

  it('a 50 MB file is audited in full', async () => {
    const doc = (i: number): string => POD.replace('name: ok', `name: pod-${i}`);
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const d = `${doc(i)}${'#'.repeat(1000)}\n---\n`;
      parts.push(d);
      size += d.length;
    }
    const dir = await workdir({ 'huge.yaml': parts.join('') });
    const { code, report } = await scanJson([dir]);
    assert.equal(code, EXIT.ok);
    assert.equal(report.inputs.resources, parts.length);
  });

  it('a missing path', async () => {
    const { code, report } = await scanJson(['/nonexistent/bosun/path.yaml']);
    assert.equal(code, EXIT.input);
    assert.match(report.diagnostics[0]?.message ?? '', /no such file or directory/);
  });
});

describe('scan config: input forms', () => {
  it('reads stdin, multi-document helm output and List kinds, keeping lines', async () => {
    const helm = `---\n# Source: shop/templates/pod.yaml\n${POD}---\n# Source: shop/templates/list.yaml\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: b}\n`;
    const { code, report } = await scanJson(['-'], helm);
    assert.equal(code, EXIT.ok);
    assert.deepEqual(report.inputs, { files: ['<stdin>'], resources: 3 });
  });

  it('walks directories recursively for .yaml, .yml and .json only', async () => {
    const dir = await workdir({ 'a/b/pod.yml': POD, 'a/pod.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' } }), 'notes.txt': 'x', 'a/node_modules/x.yaml': POD });
    const { report } = await scanJson([dir]);
    assert.equal(report.inputs.resources, 2);
    assert.equal(report.inputs.files.length, 2);
  });

  it('writes --output atomically and leaves no temporary files', async () => {
    const dir = await workdir({ 'pod.yaml': POD });
    const io = memoryIo();
    const out = join(dir, 'report.json');
    const code = await runCli(['scan', 'config', dir, '-f', 'json', '-o', out], io);
    assert.equal(code, EXIT.ok);
    assert.equal(io.out(), '');
    assert.equal((JSON.parse(await readFile(out, 'utf8')) as JsonReport).inputs.resources, 1);
    assert.deepEqual((await readdir(dir)).sort(), ['pod.yaml', 'report.json']);
  });

  it('an unwritable --output is an error and no partial file', async () => {
    const dir = await workdir({ 'pod.yaml': POD });
    const io = memoryIo();
    const code = await runCli(['scan', 'config', dir, '-o', join(dir, 'missing-dir', 'r.txt')], io);
    assert.notEqual(code, EXIT.ok);
    assert.match(io.err(), /cannot write report/);
  });

  it('rejects unknown flags, formats and checks as usage errors', async () => {
    for (const args of [['--bogus'], ['-f', 'xml'], ['--checks', 'no-such-check'], ['--severity', 'huge'], ['--fail-on', 'x']]) {
      const io = memoryIo();
      assert.equal(await runCli(['scan', 'config', 'examples', ...args], io), EXIT.usage, args.join(' '));
      assert.notEqual(io.err(), '');
    }
  });

  it('a bad config file is reported with its line', async () => {
    const dir = await workdir({ '.bosun.yaml': 'exemptions:\n  - checks: [x]\n    namespaces: [a]\n', 'pod.yaml': POD });
    const io = memoryIo({ cwd: dir });
    assert.equal(await runCli(['scan', 'config', join(dir, 'pod.yaml')], io), EXIT.usage);
    assert.match(io.err(), /\.bosun\.yaml:2:\d+: invalid config: exemptions\.0\.reason/);
  });
});
