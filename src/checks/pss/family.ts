import type { Resource } from '../../k8s/index.js';
import { podTemplateOf } from '../../k8s/index.js';
import { sharedCheck } from '../catalog/index.js';
import type { AuditContext, CheckFamily, CheckResult } from '../types.js';
import { describeProblems, evaluatePodSecurity, parsePssLevel, parsePssVersion, PSS_CHECKS } from '../../pod-security/index.js';
import type { PssCheck, PssCheckId, PssFacet, PssLevel, PssProblem, PssVersion } from '../../pod-security/index.js';
import type { SharedCheckId } from '../catalog/index.js';

/** A PSS facet is reported as the shared check of the same id; a facet the catalog lacks fails to compile here. */
function sharedCheckIdOf(facet: PssFacet): SharedCheckId {
  return facet;
}

const CHECKS_BY_ID = new Map<PssCheckId, PssCheck>(PSS_CHECKS.map((c) => [c.id, c]));

/**
 * Runs the Pod Security Standards over Pods and the pod templates of every workload kind, at the
 * level and version of `context.options` (pssLevel, pssVersion).
 *
 * Each failing check becomes one `fail` result per shared check and container (pod-level faults
 * carry no container), pointing at the offending field; checks that pass give one `pass` result per
 * shared check and resource.
 */
export const pssFamily: CheckFamily = {
  id: 'pss',
  title: 'Pod Security Standards (baseline and restricted, versioned)',
  checks: [...new Set(PSS_CHECKS.flatMap((c) => c.facets))].map((id) => sharedCheck(sharedCheckIdOf(id))),
  run(context: AuditContext): CheckResult[] {
    const level = parsePssLevel(context.options.pssLevel);
    const version = parsePssVersion(context.options.pssVersion);
    const withPasses = context.options.includePassed === true;
    return context.resources.flatMap((resource) => auditResource(resource, level, version, withPasses));
  },
};

function auditResource(resource: Resource, level: PssLevel, version: PssVersion, withPasses: boolean): CheckResult[] {
  const template = podTemplateOf(resource);
  if (template === undefined) return [];
  const verdict = evaluatePodSecurity(
    { spec: template.spec, metadata: template.metadata, specPath: template.specPath, metadataPath: template.metadataPath },
    level,
    version,
  );
  const results: CheckResult[] = [];
  for (const violation of verdict.violations) {
    const check = CHECKS_BY_ID.get(violation.checkId);
    if (check === undefined) continue;
    const failing = new Set<string>();
    for (const group of groupProblems(violation.problems)) {
      const first = group[0];
      if (first === undefined) continue;
      failing.add(first.facet);
      results.push({
        checkId: first.facet,
        compatibleId: compatibleIdOf(check),
        status: 'fail',
        message: `${reasonOf(check, group.length)} (${describeProblems(group)})`,
        resource,
        ...(first.container !== undefined ? { container: first.container } : {}),
        path: first.path,
      });
    }
    // Facets of a failing check that are fine still pass (hostPID fails, hostIPC passes).
    if (!withPasses) continue;
    for (const catalogId of check.facets) {
      if (!failing.has(catalogId)) results.push(passResult(check, catalogId, resource, verdict.version));
    }
  }
  // Passes are many and only shown on request, so they are not even built otherwise.
  for (const id of withPasses ? verdict.passed : []) {
    const check = CHECKS_BY_ID.get(id);
    if (check === undefined) continue;
    for (const catalogId of check.facets) results.push(passResult(check, catalogId, resource, verdict.version));
  }
  return results;
}

/** Problems of one check grouped by shared check and container: one result each. */
function groupProblems(problems: readonly PssProblem[]): PssProblem[][] {
  const groups = new Map<string, PssProblem[]>();
  for (const problem of problems) {
    const key = `${problem.facet}\u0000${problem.container ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [problem]);
    else group.push(problem);
  }
  return [...groups.values()];
}

function passResult(check: PssCheck, catalogId: string, resource: Resource, version: string): CheckResult {
  return {
    checkId: catalogId,
    compatibleId: compatibleIdOf(check),
    status: 'pass',
    message: `allowed by Pod Security Standards ${check.level}:${version} (${check.id})`,
    resource,
  };
}

/** `pss:<level>/<checkID>`, the level being the check's own (baseline checks stay baseline at restricted). */
function compatibleIdOf(check: PssCheck): string {
  return `pss:${check.level}/${check.id}`;
}

function reasonOf(check: PssCheck, count: number): string {
  return count > 1 ? (check.forbiddenReasonPlural ?? check.forbiddenReason) : check.forbiddenReason;
}
