import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../findings/index.js';
import { EXIT } from '../../exit-codes.js';
import { runCli } from '../../program.js';
import { memoryIo } from '../../testing/memory-io.js';

const PRIVILEGED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  namespace: ops
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          securityContext:
            privileged: true
`;

async function scan(args: string[], options: { cwd?: string; stdin?: string } = {}): Promise<{ code: number; findings: Finding[]; out: string }> {
  const io = memoryIo(options);
  const code = await runCli(['scan', 'config', '-f', 'json', ...args], io);
  const report = JSON.parse(io.out()) as { findings: Finding[] };
  return { code, findings: report.findings, out: io.out() };
}

describe('scan config: one finding per fact', () => {
  it('reports a privileged container once, listing the PSS, Polaris and kubeaudit ids it covers', async () => {
    const { findings } = await scan(['-'], { stdin: PRIVILEGED });
    const privileged = findings.filter((f) => f.checkId === 'privileged-container');
    assert.equal(privileged.length, 1);
    const f = privileged[0];
    assert.ok(f !== undefined);
    assert.deepEqual([...f.compatibleIds].sort(), ['kubeaudit:PrivilegedTrue', 'polaris:runAsPrivileged', 'pss:baseline/privileged']);
    assert.equal(f.subject.container, 'agent');
    assert.equal(f.location?.line, 17, 'points at the privileged field');
    assert.equal(f.severity, 'critical');
  });

  it('keeps each family to its own ids when run alone', async () => {
    const { findings } = await scan(['-', '--checks', 'polaris'], { stdin: PRIVILEGED });
    const f = findings.find((x) => x.checkId === 'privileged-container');
    assert.deepEqual(f?.compatibleIds, ['polaris:runAsPrivileged']);
    assert.ok(findings.every((x) => x.compatibleIds.every((id) => id.startsWith('polaris:'))));
  });

  it('gives the same fingerprints on re-runs and after reformatting', async () => {
    const a = await scan(['-'], { stdin: PRIVILEGED });
    const reformatted = `# moved down\n\n${PRIVILEGED.replace('privileged: true', 'privileged:   true   # still')}`;
    const b = await scan(['-'], { stdin: reformatted });
    assert.deepEqual(b.findings.map((f) => f.fingerprint).sort(), a.findings.map((f) => f.fingerprint).sort());
    assert.notDeepEqual(b.findings.map((f) => f.location?.line), a.findings.map((f) => f.location?.line));
  });
});

describe('scan config: filters, thresholds and ignores', () => {
  it('--severity keeps only the asked levels', async () => {
    const { findings } = await scan(['-', '--severity', 'critical'], { stdin: PRIVILEGED });
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.severity === 'critical'));
  });

  it('--fail-on and --exit-code decide the exit status', async () => {
    assert.equal((await scan(['-'], { stdin: PRIVILEGED })).code, EXIT.ok, 'no threshold by default');
    assert.equal((await scan(['-', '--fail-on', 'critical'], { stdin: PRIVILEGED })).code, 1);
    assert.equal((await scan(['-', '--fail-on', 'high', '--exit-code', '9'], { stdin: PRIVILEGED })).code, 9);
    const hardened = await scan(['examples/shop/web.yaml', '--fail-on', 'critical']);
    assert.equal(hardened.code, EXIT.ok);
  });

  it('an ignore annotation turns findings into visible skips with the reason', async () => {
    const annotated = PRIVILEGED.replace(
      '  namespace: ops\n',
      '  namespace: ops\n  annotations:\n    bosun.dev/ignore: "privileged-container"\n    bosun.dev/ignore-reason: "needs device access (OPS-7)"\n',
    );
    const { findings, code } = await scan(['-', '--fail-on', 'critical'], { stdin: annotated });
    const f = findings.find((x) => x.checkId === 'privileged-container');
    assert.equal(f?.status, 'skip');
    assert.equal(f?.suppression?.reason, 'needs device access (OPS-7)');
    assert.match(f?.suppression?.source ?? '', /annotation bosun\.dev\/ignore on Deployment ops\/agent/);
    assert.equal(code, EXIT.ok, 'a skipped finding does not fail the run');
  });

  it('config exemptions match by check, namespace and name pattern, and expire', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bosun-cfg-'));
    await writeFile(join(dir, 'app.yaml'), PRIVILEGED);
    await writeFile(
      join(dir, '.bosun.yaml'),
      'exemptions:\n  - checks: [kubeaudit:PrivilegedTrue]\n    namespaces: [o*]\n    names: [ag?nt]\n    reason: Agent needs it\n    owner: ops\n  - checks: ["*"]\n    reason: expired one\n    expires: 2020-01-01\n',
    );
    const io = memoryIo({ cwd: dir });
    const code = await runCli(['scan', 'config', join(dir, 'app.yaml'), '-f', 'json'], io);
    const report = JSON.parse(io.out()) as { findings: Finding[]; diagnostics: Array<{ message: string }> };
    assert.equal(code, EXIT.ok);
    const f = report.findings.find((x) => x.checkId === 'privileged-container');
    assert.equal(f?.status, 'skip');
    assert.equal(f?.suppression?.source, `${join(dir, '.bosun.yaml')}:2`);
    assert.ok(report.findings.some((x) => x.status === 'fail'), 'the expired catch-all no longer applies');
    assert.match(report.diagnostics.map((d) => d.message).join('\n'), /exception expired on 2020-01-01/);
  });
});

describe('scan config: family settings from .bosun.yaml', () => {
  const LIMITED = PRIVILEGED.replace(
    '          securityContext:\n            privileged: true\n',
    '          resources:\n            limits: {cpu: "2", memory: 4Gi}\n',
  );

  async function scanWithConfig(config: string): Promise<{ code: number; findings: Finding[]; err: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'bosun-family-cfg-'));
    await writeFile(join(dir, 'app.yaml'), LIMITED);
    await writeFile(join(dir, '.bosun.yaml'), config);
    const io = memoryIo({ cwd: dir });
    const code = await runCli(['scan', 'config', join(dir, 'app.yaml'), '-f', 'json'], io);
    return { code, findings: code === EXIT.ok ? (JSON.parse(io.out()) as { findings: Finding[] }).findings : [], err: io.err() };
  }

  it('passes kubeaudit thresholds and Polaris severities to the families', async () => {
    const plain = await scanWithConfig('{}\n');
    assert.ok(!plain.findings.some((f) => f.checkId === 'cpu-limit-too-high'));
    assert.ok(plain.findings.some((f) => f.checkId === 'pull-policy-not-always' || f.compatibleIds.includes('polaris:pullPolicyNotAlways')));
    const tuned = await scanWithConfig('kubeaudit:\n  auditors:\n    limits: {cpu: 500m, memory: 1Gi}\npolaris:\n  checks:\n    pullPolicyNotAlways: ignore\n');
    assert.equal(tuned.code, EXIT.ok, tuned.err);
    assert.deepEqual(tuned.findings.filter((f) => f.checkId.endsWith('-limit-too-high')).map((f) => f.compatibleIds[0]).sort(), ['kubeaudit:LimitsCPUExceeded', 'kubeaudit:LimitsMemoryExceeded']);
    assert.ok(!tuned.findings.some((f) => f.compatibleIds.includes('polaris:pullPolicyNotAlways')));
  });

  it('rejects invalid family settings as a usage error', async () => {
    const bad = await scanWithConfig('kubeaudit:\n  auditors:\n    limits: {cpu: lots}\n');
    assert.equal(bad.code, EXIT.usage);
    assert.match(bad.err, /cpu/);
  });
});

describe('bosun checks', () => {
  it('lists checks and explains by our id or a compatible id', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['checks', 'list'], io), EXIT.ok);
    assert.match(io.out(), /privileged-container/);
    const explain = memoryIo();
    assert.equal(await runCli(['checks', 'explain', 'kubeaudit:PrivilegedTrue'], explain), EXIT.ok);
    assert.match(explain.out(), /^privileged-container: /);
    assert.match(explain.out(), /How to fix:/);
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['scan', '--help'], ['scan', 'config', '--help'], ['checks', '--help'], ['checks', 'explain', '--help']]) {
      const io = memoryIo();
      assert.equal(await runCli(args, io), EXIT.ok, args.join(' '));
      assert.match(io.out(), /Usage: bosun/);
    }
  });
});
