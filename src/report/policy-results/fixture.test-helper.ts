/** Shared inputs for the policy-result writer tests: every status, scope and annotation case once. */
import type { PolicyResultRecord, PolicyResultsRun } from './types.js';

/** 2026-11-23T12:00:00.250Z: the fraction checks that nanos are carried. */
export const FIXTURE_TIME = new Date(Date.UTC(2026, 10, 23, 12, 0, 0, 250));

function record(overrides: Partial<PolicyResultRecord> & Pick<PolicyResultRecord, 'policy' | 'rule' | 'status'>): PolicyResultRecord {
  return {
    message: `validation rule ${overrides.rule} ${overrides.status === 'pass' ? 'passed' : 'failed'}`,
    resource: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'shop', uid: undefined },
    severity: 'medium',
    category: 'Pod Security Standards (Baseline)',
    scored: true,
    title: 'Disallow Privileged Containers',
    description: 'Privileged mode disables most security mechanisms\nand must not be allowed.',
    location: { file: 'manifests/shop.yaml', line: 1, column: 1 },
    ...overrides,
  };
}

export function fixtureRecords(): PolicyResultRecord[] {
  const worker = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker', namespace: 'shop', uid: '3f1c2a4e-0000-4000-8000-000000000001' };
  const ops = { apiVersion: 'v1', kind: 'Pod', name: 'debug', namespace: 'ops', uid: undefined };
  const node = { apiVersion: 'v1', kind: 'Namespace', name: 'ops', namespace: undefined, uid: undefined };
  return [
    record({ policy: 'disallow-privileged-containers', rule: 'privileged-containers', status: 'pass', message: 'validation rule privileged-containers passed' }),
    record({ policy: 'disallow-privileged-containers', rule: 'autogen-privileged-containers', status: 'fail', resource: worker, location: { file: 'manifests/shop.yaml', line: 12, column: 1 } }),
    record({ policy: 'require-labels', rule: 'check-team', status: 'fail', resource: worker, severity: undefined, category: undefined, scored: false, title: undefined, description: undefined, location: { file: 'manifests/shop.yaml', line: 12, column: 1 } }),
    record({ policy: 'require-labels', rule: 'check-team', status: 'warn', resource: ops, severity: 'low', category: 'Best Practices', title: 'Require Labels', description: undefined, location: { file: 'manifests/ops dir/debug.yaml', line: 3, column: 1 } }),
    record({ policy: 'ops/restrict-registries', rule: 'registries', status: 'error', resource: ops, severity: 'high', category: 'Best Practices', title: 'Restrict Image Registries', description: 'Images must come from approved registries.', message: 'variable substitution failed: unknown variable {{ images.foo }}', location: undefined }),
    record({ policy: 'require-ns-owner', rule: 'owner', status: 'skip', resource: node, severity: 'info', message: 'preconditions not met' }),
    record({ policy: 'require-ns-owner', rule: 'owner-label', status: 'fail', resource: node, severity: 'critical', message: 'label `owner` is required' }),
  ];
}

export function fixtureRun(): PolicyResultsRun {
  return {
    results: fixtureRecords(),
    generatedAt: FIXTURE_TIME,
    tool: { version: '0.1.0', informationUri: 'https://github.com/bosun-dev/bosun' },
    diagnostics: [{ level: 'error', code: 'input.yaml', message: 'malformed document', file: 'manifests/broken.yaml', line: 4, column: 7 }],
  };
}

export function emptyRun(): PolicyResultsRun {
  return { results: [], generatedAt: FIXTURE_TIME, tool: { version: '0.1.0', informationUri: 'https://github.com/bosun-dev/bosun' }, diagnostics: [] };
}
