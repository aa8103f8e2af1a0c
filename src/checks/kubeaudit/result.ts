import type { Severity } from '../../findings/index.js';
import type { PathSegment } from '../../kernel/index.js';
import type { Resource } from '../../k8s/index.js';
import type { CheckInfo, CheckResult, ResultStatus } from '../types.js';

/** kubeaudit's three severities. */
export type Level = 'error' | 'warning' | 'info';

/** How kubeaudit severities read on Bosun's scale. */
const SEVERITY: Record<Level, Severity> = { error: 'high', warning: 'medium', info: 'info' };

/** Prefix of every compatible id this family reports. */
export const COMPATIBLE_PREFIX = 'kubeaudit:';

/** One kubeaudit result before overrides: the rule it answers to and what it is about. */
export interface Issue {
  /** kubeaudit's result name, e.g. `PrivilegedTrue`. */
  rule: string;
  level: Level;
  check: CheckInfo;
  message: string;
  resource: Resource;
  container?: string;
  path?: readonly PathSegment[];
  discriminator?: string;
}

/**
 * The result for an issue nobody overrode. Errors and warnings fail; an info-level issue is advice
 * (e.g. an API deprecated only after the cluster's version), so it warns. `status` overrides that
 * for the one kubeaudit result that reports compliance (ImageCorrect).
 */
export function issueResult(issue: Issue, status?: ResultStatus): CheckResult {
  return toResult(issue, issue.rule, issue.level, status ?? (issue.level === 'info' ? 'warn' : 'fail'));
}

/**
 * An issue that an override label accepted: kubeaudit renames it `<Rule>Allowed` and reports it at
 * info (netpols reports one combined case at warning, hence `level`).
 */
export function allowedResult(issue: Issue, skipReason: string, level: Level = 'info'): CheckResult {
  return { ...toResult(issue, `${issue.rule}Allowed`, level, 'skip'), skipReason };
}

function toResult(issue: Issue, rule: string, level: Level, status: ResultStatus): CheckResult {
  return {
    checkId: issue.check.id,
    compatibleId: `${COMPATIBLE_PREFIX}${rule}`,
    status,
    severity: SEVERITY[level],
    message: issue.message,
    resource: issue.resource,
    ...(issue.container !== undefined ? { container: issue.container } : {}),
    ...(issue.path !== undefined ? { path: issue.path } : {}),
    ...(issue.discriminator !== undefined ? { discriminator: issue.discriminator } : {}),
  };
}

/** Back from Bosun's scale to kubeaudit's, for the native view. */
export function levelOf(severity: Severity): Level {
  if (severity === 'info') return 'info';
  if (severity === 'medium' || severity === 'low') return 'warning';
  return 'error';
}
