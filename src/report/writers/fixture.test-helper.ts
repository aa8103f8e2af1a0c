/**
 * A realistic report shared by the writer tests. Not a test file itself (`*.test-helper.js` does
 * not match node --test's `*.test.js`). Each call returns a fresh copy, so a writer that mutated
 * its input could not leak into another test.
 */
import type { FamilySummary } from '../../checks/index.js';
import type { Finding, ResourceSubject } from '../../findings/index.js';
import { fingerprintOf } from '../../findings/index.js';
import type { Diagnostic } from '../../kernel/index.js';
import { totalsOf } from '../totals.js';
import type { ScanReport } from '../types.js';

/** A resource name built to break naive HTML, XML and Markdown writers. */
export const HOSTILE_NAME = '<script>alert(1)</script>';

/** Message with every XML/HTML special character plus a BEL control character (invalid in XML 1.0). */
export const HOSTILE_MESSAGE = 'value "a&b" is <not> \'ok\'\u0007 here';

const web: ResourceSubject = { type: 'resource', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web' };
const agent: ResourceSubject = { type: 'resource', apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'kube-system', name: 'agent' };
const hostile: ResourceSubject = { type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'dev', name: HOSTILE_NAME };
const role: ResourceSubject = { type: 'resource', apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'wide-open' };
const piped: ResourceSubject = { type: 'resource', apiVersion: 'batch/v1', kind: 'Job', namespace: 'ci', name: 'migrate' };
const generated: ResourceSubject = { type: 'resource', apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'generated' };

interface Spec {
  checkId: string;
  title: string;
  severity: Finding['severity'];
  status: Finding['status'];
  subject: ResourceSubject;
  container?: string;
  category?: string;
  compatibleIds?: string[];
  message?: string;
  remediation?: string;
  location?: Finding['location'];
  suppression?: Finding['suppression'];
}

function finding(spec: Spec): Finding {
  const subject: ResourceSubject = spec.container === undefined ? spec.subject : { ...spec.subject, container: spec.container };
  return {
    checkId: spec.checkId,
    compatibleIds: spec.compatibleIds ?? [],
    title: spec.title,
    severity: spec.severity,
    category: spec.category ?? 'Security',
    message: spec.message ?? `${spec.title}.`,
    remediation: spec.remediation ?? `Fix ${spec.checkId}.`,
    subject,
    ...(spec.location !== undefined ? { location: spec.location } : {}),
    status: spec.status,
    fingerprint: fingerprintOf(spec.checkId, subject),
    ...(spec.suppression !== undefined ? { suppression: spec.suppression } : {}),
  };
}

function findings(): Finding[] {
  const webFile = 'deploy/web.yaml';
  return [
    finding({
      checkId: 'privileged-container', title: 'Privileged container', severity: 'critical', status: 'fail', subject: web, container: 'app',
      compatibleIds: ['polaris:privilegeEscalationAllowed', 'kubeaudit:PrivilegedTrue', 'pss:privileged'],
      message: 'Container "app" runs privileged', remediation: 'Set securityContext.privileged to false.',
      location: { file: webFile, line: 24, column: 11, field: 'spec.template.spec.containers[0].securityContext.privileged' },
    }),
    finding({
      checkId: 'host-network', title: 'Host network', severity: 'high', status: 'fail', subject: web, category: 'Networking',
      compatibleIds: ['polaris:hostNetworkSet'], message: 'Pod uses the host network namespace', remediation: 'Remove spec.hostNetwork.',
      location: { file: webFile, line: 18, column: 7, field: 'spec.template.spec.hostNetwork' },
    }),
    finding({
      checkId: 'run-as-non-root', title: 'Runs as root', severity: 'medium', status: 'warn', subject: web, container: 'sidecar',
      compatibleIds: ['polaris:runAsRootAllowed'], message: 'Container "sidecar" may run as root',
      remediation: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser.',
      location: { file: webFile, line: 40, column: 9 },
    }),
    finding({
      checkId: 'liveness-probe', title: 'Liveness probe missing', severity: 'low', status: 'warn', subject: web, container: 'app', category: 'Reliability',
      message: 'Container "app" has no liveness probe', location: { file: webFile, line: 20, column: 9 },
    }),
    finding({
      checkId: 'image-tag-latest', title: 'Image uses latest tag', severity: 'info', status: 'fail', subject: web, container: 'sidecar', category: 'Images',
      location: { file: webFile, line: 41, column: 16 },
    }),
    finding({
      checkId: 'run-as-non-root', title: 'Runs as root', severity: 'high', status: 'error', subject: role,
      message: 'could not evaluate: unsupported field type', location: { file: 'rbac/role.yaml', line: 1, column: 1 },
    }),
    finding({
      checkId: 'host-network', title: 'Host network', severity: 'high', status: 'skip', subject: agent, category: 'Networking',
      compatibleIds: ['polaris:hostNetworkSet'], message: 'Pod uses the host network namespace', remediation: 'Remove spec.hostNetwork.',
      location: { file: 'deploy/agent.yaml', line: 12, column: 7 },
      suppression: { source: '.bosun.yaml:14', reason: 'CNI agent needs the host network', owner: 'platform-team', ticket: 'OPS-123', expires: '2031-01-01' },
    }),
    finding({
      checkId: 'privileged-container', title: 'Privileged container', severity: 'critical', status: 'pass', subject: agent, container: 'agent',
      location: { file: 'deploy/agent.yaml', line: 30, column: 11 },
    }),
    finding({
      checkId: 'privileged-container', title: 'Privileged container', severity: 'critical', status: 'fail', subject: hostile, container: HOSTILE_NAME,
      message: HOSTILE_MESSAGE, remediation: 'Use [a link](javascript:alert(1)) & <b>bold</b> *never*.',
      compatibleIds: ['x:<img src=x onerror=alert(1)>'],
      location: { file: 'odd dir/ünïcode #1.yaml', line: 3, column: 5 },
    }),
    finding({
      checkId: 'resource-limits', title: 'Resource limits missing', severity: 'medium', status: 'fail', subject: piped, container: 'migrate', category: 'Efficiency',
      location: { file: '<stdin>', line: 7, column: 3 },
    }),
    // Built in memory: no location at all.
    finding({ checkId: 'resource-limits', title: 'Resource limits missing', severity: 'medium', status: 'fail', subject: generated, category: 'Efficiency' }),
  ];
}

function diagnostics(): Diagnostic[] {
  return [
    { level: 'error', code: 'input.yaml', message: 'malformed document: unexpected end of flow sequence', file: 'deploy/broken.yaml', line: 3, column: 8 },
    { level: 'warning', code: 'config.invalid', message: 'exception expired on 2020-01-01 and no longer applies: <legacy>', file: '.bosun.yaml' },
  ];
}

function summaries(): FamilySummary[] {
  const grade = (score: number, letter: string, passed: number, warnings: number, dangers: number): { score: number; grade: string; passed: number; warnings: number; dangers: number } => ({ score, grade: letter, passed, warnings, dangers });
  return [
    {
      family: 'polaris',
      overall: grade(62, 'D', 10, 4, 2),
      byNamespace: { 'kube-system': grade(90, 'A-', 9, 1, 0), prod: grade(40, 'F', 1, 3, 2) },
      byResource: [
        { kind: 'DaemonSet', namespace: 'kube-system', name: 'agent', ...grade(90, 'A-', 9, 1, 0) },
        { kind: 'Deployment', namespace: 'prod', name: 'web', ...grade(40, 'F', 1, 3, 2) },
      ],
    },
  ];
}

/** The shared fixture: every severity and status, a suppression, stdin and location-less findings. */
export function fixtureReport(): ScanReport {
  const all = findings();
  return {
    tool: { name: 'bosun', version: '0.1.0', informationUri: 'https://github.com/bosun-dev/bosun' },
    command: 'scan config',
    generatedAt: '2025-01-02T03:04:05.000Z',
    inputs: { files: ['deploy/web.yaml', 'deploy/agent.yaml', 'deploy/broken.yaml', 'rbac/role.yaml', 'odd dir/ünïcode #1.yaml', '<stdin>'], resources: 6 },
    findings: all,
    summaries: summaries(),
    diagnostics: diagnostics(),
    totals: totalsOf(all),
  };
}

/** A run with nothing to say: no findings, no summaries, no diagnostics. */
export function emptyReport(): ScanReport {
  return { ...fixtureReport(), inputs: { files: [], resources: 0 }, findings: [], summaries: [], diagnostics: [], totals: totalsOf([]) };
}
