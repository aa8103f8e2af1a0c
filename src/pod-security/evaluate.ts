import { PSS_CHECKS } from './checks/index.js';
import { describeProblems } from './detail.js';
import { podView } from './pod.js';
import type { PodSecurityInput } from './pod.js';
import type { PodSecurityVerdict, PssCheck, PssCheckId, PssCheckVersion, PssLevel, PssVersion, PssViolation } from './types.js';
import { parsePssVersion } from './version.js';

/** A check with the implementation in force at some policy version. */
export interface ActiveCheck {
  check: PssCheck;
  implementation: PssCheckVersion;
}

/**
 * The checks that run at a level and version. Each check uses its newest implementation whose
 * minimum version is at or below the policy version; a check newer than the version does not run.
 * Baseline checks run at both levels, minus those replaced by a restricted implementation in force.
 * ref. k8s.io/pod-security-admission policy: Check.Versions, VersionedCheck.OverrideCheckIDs
 */
export function activeChecks(level: PssLevel, version: PssVersion): ActiveCheck[] {
  const active: ActiveCheck[] = [];
  for (const check of PSS_CHECKS) {
    if (check.level === 'restricted' && level !== 'restricted') continue;
    let implementation: PssCheckVersion | undefined;
    for (const candidate of check.versions) {
      if (candidate.since <= version.minor && (implementation === undefined || candidate.since > implementation.since)) {
        implementation = candidate;
      }
    }
    if (implementation !== undefined) active.push({ check, implementation });
  }
  const overridden = new Set<PssCheckId>(active.flatMap((a) => a.implementation.overrides ?? []));
  return active.filter((a) => !overridden.has(a.check.id));
}

/**
 * Evaluates a pod (or a workload's pod template) against the Pod Security Standards, the way the
 * PodSecurity admission controller does: `allowed` is false when any check of the level and version
 * fails. Pure: reads only its input.
 *
 * For native use, e.g. a Kyverno `podSecurity` rule:
 * ```ts
 * const verdict = evaluatePodSecurity({ spec, metadata }, 'restricted', 'latest');
 * // verdict.violations[i]: { checkId, forbiddenReason, detail, problems: [{ container, path, ... }] }
 * ```
 * Pass `specPath`/`metadataPath` to get problem paths from a workload's root
 * (`podTemplateOf(resource)` gives both). `version` is `latest` or `v1.N`; anything else throws
 * BosunError('usage'). Each violation's `problems` name the containers and fields at fault, which is
 * what per-control exclusions (Kyverno `exclude`) need; `check.control` names the PSS control.
 */
export function evaluatePodSecurity(input: PodSecurityInput, level: PssLevel, version: string | PssVersion): PodSecurityVerdict {
  const resolved = typeof version === 'string' ? parsePssVersion(version) : version;
  const pod = podView(input);
  const violations: PssViolation[] = [];
  const passed: PssCheckId[] = [];
  for (const { check, implementation } of activeChecks(level, resolved)) {
    const problems = implementation.evaluate(pod);
    if (problems.length === 0) {
      passed.push(check.id);
      continue;
    }
    violations.push({
      checkId: check.id,
      level: check.level,
      forbiddenReason: problems.length > 1 ? (check.forbiddenReasonPlural ?? check.forbiddenReason) : check.forbiddenReason,
      detail: describeProblems(problems),
      problems,
    });
  }
  return { allowed: violations.length === 0, level, version: resolved.label, violations, passed };
}

/** PSA's one-line denial: `privileged (container "a" must not set ...), hostPort (...)`. */
export function formatViolations(violations: readonly PssViolation[]): string {
  return violations.map((v) => `${v.forbiddenReason} (${v.detail})`).join(', ');
}
