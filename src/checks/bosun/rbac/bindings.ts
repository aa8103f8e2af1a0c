import type { Severity } from '../../../findings/index.js';
import type { Resource } from '../../../k8s/index.js';
import { asArray, asObject, asString } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { AuditContext, CheckResult } from '../../types.js';
import type { CheckGroup } from '../group.js';
import { bosunId, isKind, RBAC_GROUP } from '../group.js';
import { isKubernetesDefault } from './defaults.js';
import { rulesOf } from './rules.js';

const CLUSTER_ADMIN = sharedCheck('rbac-cluster-admin-binding');

interface RoleRef {
  kind: string;
  name: string;
}

function roleRefOf(resource: Resource): RoleRef | undefined {
  const ref = asObject(resource.object['roleRef']);
  const kind = asString(ref?.['kind']);
  const name = asString(ref?.['name']);
  return kind === undefined || name === undefined ? undefined : { kind, name };
}

/** `ServiceAccount ci/deployer, Group devs`: who receives the role, for the message. */
function subjectsOf(resource: Resource): string {
  const names = asArray(resource.object['subjects']).flatMap((raw) => {
    const subject = asObject(raw);
    const name = asString(subject?.['name']);
    if (subject === undefined || name === undefined) return [];
    const namespace = asString(subject['namespace']);
    return [`${asString(subject['kind']) ?? 'subject'} ${namespace === undefined ? '' : `${namespace}/`}${name}`];
  });
  return names.length === 0 ? 'no subjects' : names.join(', ');
}

/**
 * A ClusterRole that is cluster-admin in all but name: one rule with `*` groups, resources and verbs.
 * Only roles among the audited resources can be seen; a binding to an unseen role is judged by name.
 */
function isAllPowerful(role: Resource): boolean {
  return rulesOf(role).some((r) => r.apiGroups.includes('*') && r.resources.includes('*') && r.verbs.includes('*'));
}

function auditBinding(binding: Resource, clusterRoles: readonly Resource[]): CheckResult {
  const base = { checkId: CLUSTER_ADMIN.id, compatibleId: bosunId(CLUSTER_ADMIN.id), resource: binding };
  const ref = roleRefOf(binding);
  const byName = ref?.kind === 'ClusterRole' && ref.name === 'cluster-admin';
  const lookalike =
    ref?.kind === 'ClusterRole' && !byName && clusterRoles.some((r) => r.name === ref.name && isAllPowerful(r));
  if (ref === undefined || (!byName && !lookalike)) {
    return { ...base, status: 'pass', message: `${binding.kind} does not grant cluster-admin` };
  }
  const what = byName ? 'cluster-admin' : `ClusterRole ${ref.name}, which allows every verb on every resource like cluster-admin,`;
  // Through a RoleBinding cluster-admin stops at the namespace: still full control of it (its Secrets,
  // Roles and workloads), but not of the cluster.
  const severity: Severity = binding.kind === 'RoleBinding' ? 'high' : CLUSTER_ADMIN.severity;
  const scope = binding.kind === 'RoleBinding' ? ` in namespace ${binding.namespace ?? 'default'}` : ' on the whole cluster';
  return {
    ...base,
    status: 'fail',
    severity,
    message: `${binding.kind} grants ${what}${scope} to ${subjectsOf(binding)}`,
    path: ['roleRef', 'name'],
  };
}

export const bindingChecks: CheckGroup = {
  checks: [CLUSTER_ADMIN],
  run(context: AuditContext): CheckResult[] {
    const clusterRoles = context.index.ofKind('ClusterRole').filter((r) => isKind(r, 'ClusterRole', RBAC_GROUP));
    return context.resources
      .filter((r) => (isKind(r, 'ClusterRoleBinding', RBAC_GROUP) || isKind(r, 'RoleBinding', RBAC_GROUP)) && !isKubernetesDefault(r))
      .map((binding) => auditBinding(binding, clusterRoles));
  },
};
