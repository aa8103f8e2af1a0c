import type { PathSegment } from '../../kernel/index.js';
import type { Resource } from '../../k8s/index.js';
import type { CheckResult } from '../types.js';
import { OVERRIDE_REDUNDANT } from './checks.js';
import type { Issue } from './result.js';
import { allowedResult, issueResult } from './result.js';

/**
 * kubeaudit override labels. Current form: `container.kubeaudit.io/<container>.<label>` for one
 * container and `kubeaudit.io/<label>` for the whole pod or namespace. The pre-0.11 forms under
 * `audit.kubernetes.io` are still honoured, as kubeaudit does.
 */
const CONTAINER_PREFIXES = ['container.audit.kubernetes.io/', 'container.kubeaudit.io/'] as const;
const RESOURCE_PREFIXES = ['kubeaudit.io/', 'audit.kubernetes.io/pod.', 'audit.kubernetes.io/namespace.'] as const;

/** Where override labels are read: the pod template's labels for workloads, the object's own otherwise. */
export interface OverrideScope {
  resource: Resource;
  labels: Readonly<Record<string, string>>;
  /** Path of the labels mapping, to point a redundant-override finding at it. */
  labelsPath: readonly PathSegment[];
}

/** An override label that applies. */
export interface OverrideHit {
  /** The full label key as written. */
  key: string;
  /** The label value as written. */
  value: string;
  /** The label value, unless empty or `true` (which kubeaudit treats as "no reason given"). */
  reason: string | undefined;
}

/** Finds the label overriding `label`; a container's own label wins over the pod-wide one. */
export function findOverride(scope: OverrideScope, label: string, container?: string): OverrideHit | undefined {
  const keys = [
    ...(container === undefined || container === '' ? [] : CONTAINER_PREFIXES.map((p) => `${p}${container}.${label}`)),
    ...RESOURCE_PREFIXES.map((p) => `${p}${label}`),
  ];
  for (const key of keys) {
    const value = scope.labels[key];
    if (value === undefined) continue;
    const reason = value === '' || value.toLowerCase() === 'true' ? undefined : value;
    return { key, value, reason };
  }
  return undefined;
}

/** The skip reason Bosun shows for an overridden result. */
export function describeOverride(hit: OverrideHit): string {
  return hit.reason === undefined ? `allowed by override label ${hit.key}` : `allowed by override label ${hit.key}: ${hit.reason}`;
}

/**
 * kubeaudit's override step for one (auditor, subject, label): an issue with a matching label
 * becomes `<Rule>Allowed`; a label with no issue to override is itself reported, because a stale
 * exception hides the next real problem.
 */
export function applyOverride(issue: Issue | undefined, scope: OverrideScope, label: string, container?: string): CheckResult | undefined {
  const hit = findOverride(scope, label, container);
  if (hit === undefined) return issue === undefined ? undefined : issueResult(issue);
  if (issue !== undefined) return allowedResult(issue, describeOverride(hit));
  return issueResult(
    {
      rule: 'RedundantAuditorOverride',
      level: 'warning',
      check: OVERRIDE_REDUNDANT,
      message: `Override label ${hit.key} is set but there is nothing for it to allow; remove it.`,
      resource: scope.resource,
      ...(container !== undefined && container !== '' ? { container } : {}),
      path: [...scope.labelsPath, hit.key],
      discriminator: hit.key,
    },
    'warn',
  );
}

/** Runs `applyOverride` and keeps the result when there is one. */
export function pushOverridden(out: CheckResult[], issue: Issue | undefined, scope: OverrideScope, label: string, container?: string): void {
  const result = applyOverride(issue, scope, label, container);
  if (result !== undefined) out.push(result);
}
