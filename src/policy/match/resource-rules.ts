import { asArray, asObject } from '../../k8s/index.js';
import type { Resource } from '../../k8s/index.js';
import { wildcardMatch } from '../conditions/index.js';

/**
 * Admission-style `resourceRules` (ValidatingPolicy, ValidatingAdmissionPolicy): apiGroups,
 * apiVersions, resources (lower-case plurals) and operations, each allowing `*`, and resourceNames.
 * ref. kubernetes.io/docs ValidatingAdmissionPolicy `matchConstraints`.
 */
export function resourceRulesMatch(rules: unknown, resource: Resource, operation: string): boolean {
  return asArray(rules).some((raw) => {
    const rule = asObject(raw) ?? {};
    const slash = resource.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : resource.apiVersion.slice(0, slash);
    const version = slash < 0 ? resource.apiVersion : resource.apiVersion.slice(slash + 1);
    const any = (field: string, value: string): boolean => asArray(rule[field]).some((v) => typeof v === 'string' && (v === '*' || wildcardMatch(v, value)));
    // `resourceNames` (optional) narrows the rule to objects with those names.
    const names = asArray(rule['resourceNames']);
    const named = names.length === 0 || names.includes(resource.name);
    return named && any('apiGroups', group) && any('apiVersions', version) && any('resources', pluralOf(resource.kind)) && any('operations', operation);
  });
}

const IRREGULAR: Record<string, string> = { endpoints: 'endpoints', podsecuritypolicy: 'podsecuritypolicies' };

/** The REST resource name of a kind, by the API machinery's pluralisation rules. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return irregular;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}
