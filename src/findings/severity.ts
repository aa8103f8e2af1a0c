import type { RuleStatus, Severity } from './types.js';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isSeverity(value: string): value is Severity {
  return Object.hasOwn(RANK, value);
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export const RULE_STATUSES: readonly RuleStatus[] = ['pass', 'fail', 'warn', 'error', 'skip'];

/** When results about one fact disagree, the most actionable one wins. */
const STATUS_WEIGHT: Record<RuleStatus, number> = { error: 4, fail: 3, warn: 2, skip: 1, pass: 0 };

export function worseStatus(a: RuleStatus, b: RuleStatus): RuleStatus {
  return STATUS_WEIGHT[a] >= STATUS_WEIGHT[b] ? a : b;
}

/** Statuses that mean "something to act on". */
export function isProblem(status: RuleStatus): boolean {
  return status === 'fail' || status === 'warn' || status === 'error';
}
