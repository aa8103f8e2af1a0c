import { isSeverity } from '../../../findings/index.js';
import type { Resource } from '../../../k8s/index.js';
import { asObject, asString } from '../../../k8s/index.js';
import type { LoadedPolicy, RuleResult } from '../../../policy/index.js';
import type { PolicyResultRecord } from '../../../report/policy-results/index.js';

/** The Kyverno policy-library annotations a report result carries. ref. kyverno/policies README, "Annotations". */
const ANNOTATION = {
  severity: 'policies.kyverno.io/severity',
  category: 'policies.kyverno.io/category',
  scored: 'policies.kyverno.io/scored',
  title: 'policies.kyverno.io/title',
  description: 'policies.kyverno.io/description',
} as const;

/**
 * Finds the loaded policy of a result. The engine reports a policy by name only; a namespaced
 * Policy and a ClusterPolicy may share a name, and a namespaced one only applies in its namespace.
 */
export function policyLookup(policies: readonly LoadedPolicy[]): (result: RuleResult) => LoadedPolicy | undefined {
  const byName = new Map<string, LoadedPolicy[]>();
  for (const p of policies) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  return (result) => {
    const candidates = byName.get(result.policy) ?? [];
    return candidates.find((p) => p.namespace !== undefined && p.namespace === result.resource.namespace) ?? candidates.find((p) => p.namespace === undefined) ?? candidates[0];
  };
}

/** One engine result with what the report writers need: policy annotations and where the resource is. */
export function recordOf(result: RuleResult, resource: Resource, policy: LoadedPolicy | undefined): PolicyResultRecord {
  const annotations = policy?.annotations ?? {};
  const severity = (annotations[ANNOTATION.severity] ?? '').trim().toLowerCase();
  return {
    // Kyverno names a namespaced Policy `namespace/name` in reports, so two teams' policies stay apart.
    policy: policy?.namespace === undefined ? result.policy : `${policy.namespace}/${result.policy}`,
    rule: result.rule,
    status: result.status,
    message: result.message,
    resource: { ...result.resource, uid: asString(asObject(resource.object['metadata'])?.['uid']) },
    // Kyverno drops a severity outside its known values rather than failing the report.
    severity: isSeverity(severity) ? severity : undefined,
    category: nonEmpty(annotations[ANNOTATION.category]),
    scored: annotations[ANNOTATION.scored] !== 'false',
    title: nonEmpty(annotations[ANNOTATION.title]),
    description: nonEmpty(annotations[ANNOTATION.description]),
    location: resource.source.file === '' ? undefined : { file: resource.source.file, line: resource.source.position.line, column: resource.source.position.column },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
