import type { Finding, Location, RuleStatus, Severity, Suppression } from '../findings/index.js';
import { fingerprintOf, maxSeverity, worseStatus } from '../findings/index.js';
import type { PathSegment } from '../kernel/index.js';
import type { Resource } from '../k8s/index.js';
import type { CheckInfo, CheckResult } from './types.js';

/**
 * Turns family results into findings. Results of different families about the same check and subject
 * become one finding listing every compatible id behind its verdict, so the default view states a
 * fact once. Passing results are dropped unless asked for: they are many and say little, and since pass is the
 * weakest status, dropping them first never changes a merged verdict.
 */
export function mergeResults(
  results: readonly CheckResult[],
  checks: ReadonlyMap<string, CheckInfo>,
  options: { includePassed: boolean },
): Finding[] {
  // Grouped per resource first so keys stay short and each resource's findings are located together
  // (the locator caches one document at a time).
  const byResource = new Map<Resource, Map<string, CheckResult[]>>();
  for (const result of results) {
    if (result.status === 'pass' && !options.includePassed) continue;
    let groups = byResource.get(result.resource);
    if (groups === undefined) {
      groups = new Map();
      byResource.set(result.resource, groups);
    }
    const key = `${result.checkId}\u0000${result.container ?? ''}\u0000${result.discriminator ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [result]);
    else group.push(result);
  }
  const findings: Finding[] = [];
  for (const groups of byResource.values()) {
    for (const group of groups.values()) {
      const finding = mergeGroup(group, checks, options);
      if (finding !== undefined) findings.push(finding);
    }
  }
  return findings;
}

function mergeGroup(
  group: readonly CheckResult[],
  checks: ReadonlyMap<string, CheckInfo>,
  options: { includePassed: boolean },
): Finding | undefined {
  const first = group[0];
  if (first === undefined) return undefined;
  let status: RuleStatus = 'pass';
  for (const r of group) status = worseStatus(status, r.status);
  if (status === 'pass' && !options.includePassed) return undefined;
  const deciding = group.filter((r) => r.status === status);
  const lead = deciding.find((r) => r.path !== undefined) ?? deciding[0] ?? first;
  const check = checks.get(first.checkId);
  let severity: Severity | undefined;
  for (const r of deciding) {
    const s = r.severity ?? check?.severity ?? 'medium';
    severity = severity === undefined ? s : maxSeverity(severity, s);
  }
  const resource = first.resource;
  const subject = {
    type: 'resource' as const,
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}),
    name: resource.name,
    ...(first.container !== undefined ? { container: first.container } : {}),
  };
  const finding: Finding = {
    checkId: first.checkId,
    compatibleIds: unique(deciding.map((r) => r.compatibleId)),
    title: check?.title ?? first.checkId,
    severity: severity ?? 'medium',
    category: check?.category ?? 'General',
    message: mostDetailed(deciding.map((r) => r.message)),
    remediation: check?.remediation ?? '',
    subject,
    location: locationOf(resource, lead.path),
    status,
    fingerprint: fingerprintOf(first.checkId, subject, first.discriminator),
  };
  const suppression = status === 'skip' ? suppressionOf(deciding) : undefined;
  return suppression === undefined ? finding : { ...finding, suppression };
}

function suppressionOf(results: readonly CheckResult[]): Suppression {
  const reasons = unique(results.map((r) => r.skipReason ?? 'skipped'));
  const sources = unique(results.map((r) => r.compatibleId.split(':')[0] ?? 'family'));
  return { source: `${sources.join(', ')} override`, reason: reasons.join('; ') };
}

export function locationOf(resource: Resource, path: readonly PathSegment[] | undefined): Location {
  const source = resource.source;
  if (path === undefined || path.length === 0) {
    return { file: source.file, line: source.position.line, column: source.position.column };
  }
  const at = source.locate(path);
  return { file: source.file, line: at.line, column: at.column, field: formatPath(path) };
}

/** `spec.containers[0].securityContext`, the notation kubectl explain and JSONPath readers expect. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Families state the same fact in their own words; repeating all of them reads as noise. The longest
 * statement is the one naming the most (containers, values, fields); each family's own wording stays
 * in the raw results.
 */
function mostDetailed(messages: readonly string[]): string {
  let best = '';
  for (const m of messages) if (m.length > best.length) best = m;
  return best;
}
