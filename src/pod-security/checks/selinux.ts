import { asObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { PathSegment } from '../../kernel/index.js';
import { quoteList } from '../detail.js';
import { containerSecurityContext, isSet, scalarText } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** ref. PSS baseline: SELinux — the container_t family of types. */
const TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
/** ref. PSS baseline: SELinux, v1.31 — adds container_engine_t. */
const TYPES_1_31 = new Set([...TYPES_1_0, 'container_engine_t']);

/** Forbidden parts of one seLinuxOptions: a type outside the set, any user, any role. */
function forbiddenParts(context: JsonObject | undefined, types: ReadonlySet<string>): Array<[field: string, value: string]> {
  const options = asObject(context?.['seLinuxOptions']);
  if (options === undefined) return [];
  const parts: Array<[string, string]> = [];
  const type = options['type'];
  if (isSet(type) && !types.has(scalarText(type))) parts.push(['type', scalarText(type)]);
  for (const field of ['user', 'role']) {
    const value = options[field];
    if (isSet(value) && value !== '') parts.push([field, scalarText(value)]);
  }
  return parts;
}

function problemOf(parts: Array<[string, string]>, base: PathSegment[]): Pick<PssProblem, 'issue' | 'path'> {
  const listed = parts.map(([field, value]) => `${field} ${quoteList([value])}`).join(', ');
  return { issue: `must not set securityContext.seLinuxOptions ${listed}`, path: [...base, 'seLinuxOptions', parts[0]?.[0] ?? 'type'] };
}

function evaluateWith(types: ReadonlySet<string>): (pod: PodView) => PssProblem[] {
  return (pod) => {
    const problems: PssProblem[] = [];
    const podParts = forbiddenParts(pod.securityContext, types);
    if (podParts.length > 0) {
      problems.push({ facet: 'selinux-options-forbidden', subject: 'pod', ...problemOf(podParts, [...pod.specPath, 'securityContext']) });
    }
    for (const ref of pod.containers) {
      const parts = forbiddenParts(containerSecurityContext(ref), types);
      if (parts.length === 0) continue;
      problems.push({
        facet: 'selinux-options-forbidden',
        subject: 'container',
        container: ref.name,
        ...problemOf(parts, [...ref.path, 'securityContext']),
      });
    }
    return problems;
  };
}

/** ref. PSS baseline: SELinux — type from the container_t family; user and role unset. */
export const seLinuxOptions: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  control: 'SELinux',
  forbiddenReason: 'seLinuxOptions',
  facets: ['selinux-options-forbidden'],
  versions: [
    { since: 0, evaluate: evaluateWith(TYPES_1_0) },
    { since: 31, evaluate: evaluateWith(TYPES_1_31) },
  ],
};
