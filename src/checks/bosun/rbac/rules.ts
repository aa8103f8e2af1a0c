import type { Resource } from '../../../k8s/index.js';
import { asArray, asObject, asString } from '../../../k8s/index.js';

/** One entry of a Role's or ClusterRole's `rules`, with its index for paths and messages. */
export interface PolicyRule {
  index: number;
  apiGroups: readonly string[];
  resources: readonly string[];
  verbs: readonly string[];
  resourceNames: readonly string[];
}

const ALL = '*';

export function rulesOf(resource: Resource): PolicyRule[] {
  return asArray(resource.object['rules']).flatMap((raw, index) => {
    const rule = asObject(raw);
    if (rule === undefined) return [];
    return [{
      index,
      apiGroups: strings(rule['apiGroups']),
      resources: strings(rule['resources']),
      verbs: strings(rule['verbs']),
      resourceNames: strings(rule['resourceNames']),
    }];
  });
}

/** ref. k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go APIGroupMatches: exact or `*`. */
export function coversGroup(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === ALL || g === group);
}

/** ref. evaluation_helpers.go VerbMatches: exact (case-sensitive) or `*`. */
export function coversVerb(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

/**
 * ref. evaluation_helpers.go ResourceMatches: `*`, the exact `resource[/subresource]`, or `*` followed
 * by `/subresource`. A trailing `/*` (as in `pods` + `/*`) is no wildcard to the API server, so not here either.
 */
export function coversResource(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash < 0 ? '' : resource.slice(slash + 1);
  return rule.resources.some((r) => r === ALL || r === resource || (subresource !== '' && r === `*/${subresource}`));
}

/** Verbs among `wanted` the rule grants, spelled out (`*` expands to all of them). */
export function grantedVerbs(rule: PolicyRule, wanted: readonly string[]): string[] {
  return wanted.filter((verb) => coversVerb(rule, verb));
}

/** Which of apiGroups, resources and verbs use a wildcard (`*`; for resources also `*` + `/subresource`). */
export function wildcardFields(rule: PolicyRule): Array<'apiGroups' | 'resources' | 'verbs'> {
  const out: Array<'apiGroups' | 'resources' | 'verbs'> = [];
  if (rule.apiGroups.includes(ALL)) out.push('apiGroups');
  if (rule.resources.some((r) => r === ALL || r.startsWith('*/'))) out.push('resources');
  if (rule.verbs.includes(ALL)) out.push('verbs');
  return out;
}

function strings(value: unknown): string[] {
  return asArray(value).flatMap((v) => {
    const s = asString(v);
    return s === undefined ? [] : [s];
  });
}
