import { asArray, asObject, asString, isObject, stringMap } from '../../k8s/index.js';
import type { JsonObject, Resource } from '../../k8s/index.js';
import type { AdmissionInfo } from '../api.js';
import { wildcardMatch } from '../conditions/index.js';
import { kindMatches, parseKindSelector } from './kinds.js';
import { resourceRulesMatch } from './resource-rules.js';

/** What a match/exclude block is checked against. */
export interface MatchSubject {
  resource: Resource;
  admission: AdmissionInfo;
  /** Labels of the resource's namespace, for `namespaceSelector`. */
  namespaceLabels: Record<string, string>;
}

/**
 * Does a rule's `match` select the subject and its `exclude` leave it? ref. kyverno.io/docs
 * "Selecting Resources": `any` (one filter), `all` (every filter), or the legacy single block.
 */
export function ruleApplies(rule: JsonObject, subject: MatchSubject): boolean {
  const match = asObject(rule['match']);
  if (match === undefined || !blockMatches(match, subject, 'match')) return false;
  const exclude = asObject(rule['exclude']);
  return exclude === undefined || !blockMatches(exclude, subject, 'exclude');
}

function blockMatches(block: JsonObject, subject: MatchSubject, role: 'match' | 'exclude'): boolean {
  const any = asArray(block['any']);
  const all = asArray(block['all']);
  if (any.length > 0) return any.some((f) => filterMatches(asObject(f) ?? {}, subject));
  if (all.length > 0) return all.every((f) => filterMatches(asObject(f) ?? {}, subject));
  // legacy form: `resources`, `subjects`, `roles`, `clusterRoles` directly on the block
  if (role === 'exclude' && isEmptyFilter(block)) return false;
  return filterMatches(block, subject);
}

function isEmptyFilter(f: JsonObject): boolean {
  const resources = asObject(f['resources']);
  return (resources === undefined || Object.keys(resources).length === 0) && asArray(f['subjects']).length === 0 && asArray(f['roles']).length === 0 && asArray(f['clusterRoles']).length === 0;
}

function filterMatches(filter: JsonObject, subject: MatchSubject): boolean {
  if (filter['resourceRules'] !== undefined) return admissionFilterMatches(filter, subject);
  if (isEmptyFilter(filter)) return false;
  const resources = asObject(filter['resources']);
  if (resources !== undefined && !resourcesMatch(resources, subject)) return false;
  return userInfoMatches(filter, subject.admission);
}

function resourcesMatch(desc: JsonObject, { resource, admission, namespaceLabels }: MatchSubject): boolean {
  const kinds = asArray(desc['kinds']).map(String);
  if (kinds.length > 0 && !kinds.some((k) => kindMatches(parseKindSelector(k), resource.apiVersion, resource.kind))) return false;
  const name = asString(desc['name']);
  if (name !== undefined && name !== '' && !wildcardMatch(name, resource.name)) return false;
  const names = asArray(desc['names']).map(String);
  if (names.length > 0 && !names.some((n) => wildcardMatch(n, resource.name))) return false;
  const namespaces = asArray(desc['namespaces']).map(String);
  if (namespaces.length > 0) {
    // A Namespace object is matched on its own name, the way Kyverno treats it.
    const ns = resource.kind === 'Namespace' ? resource.name : resource.namespace;
    if (ns === undefined || !namespaces.some((n) => wildcardMatch(n, ns))) return false;
  }
  const operations = asArray(desc['operations']).map(String);
  if (operations.length > 0 && !operations.includes(admission.operation)) return false;
  if (desc['annotations'] !== undefined && !mapMatches(stringMap(desc['annotations']), resource.annotations)) return false;
  if (desc['selector'] !== undefined && !wildcardSelectorMatches(desc['selector'], resource.labels)) return false;
  if (desc['namespaceSelector'] !== undefined) {
    if (resource.namespace === undefined && resource.kind !== 'Namespace') return false;
    const labels = resource.kind === 'Namespace' ? resource.labels : namespaceLabels;
    if (!wildcardSelectorMatches(desc['namespaceSelector'], labels)) return false;
  }
  return true;
}

/** A ValidatingPolicy-style filter: resourceRules plus namespaceSelector/objectSelector. */
function admissionFilterMatches(filter: JsonObject, { resource, admission, namespaceLabels }: MatchSubject): boolean {
  if (!resourceRulesMatch(filter['resourceRules'], resource, admission.operation)) return false;
  if (filter['objectSelector'] !== undefined && !wildcardSelectorMatches(filter['objectSelector'], resource.labels)) return false;
  if (filter['namespaceSelector'] !== undefined && resource.namespace !== undefined && !wildcardSelectorMatches(filter['namespaceSelector'], namespaceLabels)) return false;
  return true;
}

function mapMatches(want: Record<string, string>, have: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => Object.entries(have).some(([hk, hv]) => wildcardMatch(k, hk) && wildcardMatch(v, hv)));
}

/** Label selector where matchLabels keys and values may hold wildcards (Kyverno extension). */
function wildcardSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const sel = asObject(selector);
  if (sel === undefined) return false;
  if (!mapMatches(stringMap(sel['matchLabels']), labels)) return false;
  for (const raw of asArray(sel['matchExpressions'])) {
    const expr = asObject(raw);
    const key = asString(expr?.['key']) ?? '';
    const values = asArray(expr?.['values']).map(String);
    const has = Object.hasOwn(labels, key);
    const value = labels[key] ?? '';
    switch (expr?.['operator']) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function userInfoMatches(filter: JsonObject, admission: AdmissionInfo): boolean {
  const roles = asArray(filter['roles']).map(String);
  if (roles.length > 0 && !roles.some((r) => admission.roles.includes(r))) return false;
  const clusterRoles = asArray(filter['clusterRoles']).map(String);
  if (clusterRoles.length > 0 && !clusterRoles.some((r) => admission.clusterRoles.includes(r))) return false;
  const subjects = asArray(filter['subjects']).filter(isObject);
  if (subjects.length > 0 && !subjects.some((s) => subjectMatches(s, admission))) return false;
  return true;
}

function subjectMatches(s: JsonObject, admission: AdmissionInfo): boolean {
  const name = asString(s['name']) ?? '';
  const username = asString(admission.userInfo.username) ?? '';
  const groups = asArray(admission.userInfo['groups']).map(String);
  switch (s['kind']) {
    case 'User':
      return wildcardMatch(name, username);
    case 'Group':
      return groups.some((g) => wildcardMatch(name, g));
    case 'ServiceAccount':
      return username === `system:serviceaccount:${asString(s['namespace']) ?? ''}:${name}`;
    default:
      return false;
  }
}
