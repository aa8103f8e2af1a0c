import type { JsonObject } from '../../../k8s/index.js';
import { asArray, asObject, asString } from '../../../k8s/index.js';
import type { Subject } from '../types.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Names of objects the control plane or GKE creates; Polaris leaves them alone. */
export function isSystemName(name: unknown): boolean {
  return typeof name === 'string' && (name.startsWith('system:') || name === 'gce:podsecuritypolicy:calico-sa');
}

function hasAny(list: unknown, wanted: readonly string[]): boolean {
  return asArray(list).some((item) => typeof item === 'string' && wanted.includes(item));
}

/**
 * A rule reaching pods/exec or pods/attach in the core group. `get` counts as well as `create`:
 * the exec endpoint also upgrades a GET to a websocket.
 */
export function allowsPodExec(rule: unknown): boolean {
  const r = asObject(rule);
  if (r === undefined) return false;
  return hasAny(r['apiGroups'], ['', '*']) && hasAny(r['resources'], ['*', 'pods/exec', 'pods/attach']) && hasAny(r['verbs'], ['*', 'get', 'create']);
}

const EVERY_VERB = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** A rule equivalent to cluster-admin: every group, every resource, and `*` or all seven verbs. */
export function grantsEverything(rule: unknown): boolean {
  const r = asObject(rule);
  if (r === undefined) return false;
  if (!hasAny(r['apiGroups'], ['*']) || !hasAny(r['resources'], ['*'])) return false;
  const verbs = asArray(r['verbs']);
  if (verbs.includes('*')) return true;
  return verbs.length >= EVERY_VERB.length && verbs.every((v) => typeof v === 'string' && EVERY_VERB.includes(v)) && EVERY_VERB.every((v) => verbs.includes(v));
}

/**
 * Default ClusterRoles every cluster has, reduced to what these checks look at, so that a binding to
 * one of them can be judged when the manifests do not define it. A definition in the audited
 * resources takes precedence. ref. Kubernetes bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy).
 */
const DEFAULT_CLUSTER_ROLES: Readonly<Record<string, readonly JsonObject[]>> = {
  'cluster-admin': [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
  admin: [{ apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }],
  edit: [{ apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }],
  view: [{ apiGroups: [''], resources: ['pods', 'pods/log', 'pods/status'], verbs: ['get', 'list', 'watch'] }],
};

export interface RoleRef {
  apiGroup: string | undefined;
  kind: string | undefined;
  name: string | undefined;
}

export function roleRefOf(binding: JsonObject): RoleRef {
  const ref = asObject(binding['roleRef']);
  return { apiGroup: asString(ref?.['apiGroup']), kind: asString(ref?.['kind']), name: asString(ref?.['name']) };
}

/**
 * The rules of the role a binding points at, or undefined when it cannot be found. A Role must be
 * in the binding's namespace; ClusterRoles are cluster-wide. A role without `rules` (an aggregated
 * ClusterRole) has none of its own.
 */
export function referencedRules(subject: Subject, kind: 'Role' | 'ClusterRole', name: string): unknown[][] | undefined {
  const candidates = kind === 'ClusterRole' ? subject.index.ofKind('ClusterRole') : subject.index.inNamespace('Role', subject.resource.namespace);
  const found = candidates.filter((r) => r.kind === kind && asString(asObject(r.object['metadata'])?.['name']) === name);
  if (found.length > 0) return found.map((r) => asArray(r.object['rules']));
  const builtIn = kind === 'ClusterRole' ? DEFAULT_CLUSTER_ROLES[name] : undefined;
  return builtIn === undefined ? undefined : [[...builtIn]];
}
