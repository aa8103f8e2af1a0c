import type { CheckInfo } from '../../types.js';
import { asObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck } from '../types.js';
import { failed, passed } from '../verdict.js';
import { allowsPodExec, grantsEverything, isSystemName, RBAC_GROUP, referencedRules, roleRefOf } from './rbac-rules.js';

/**
 * Bindings are judged by the role they reference, looked up among the audited resources (or the
 * default ClusterRoles). A binding whose role cannot be found fails: nothing shows it is safe.
 * RoleBindings are checked twice, once per role kind; each check passes bindings of the other kind.
 */
interface BindingRule {
  id: string;
  info: CheckInfo;
  bindingKind: 'ClusterRoleBinding' | 'RoleBinding';
  roleKind: 'Role' | 'ClusterRole';
  /** cluster-admin checks look for full wildcards; the others for pods/exec and pods/attach. */
  danger: 'cluster-admin' | 'exec';
  messages: { pass: string; fail: string };
}

function bindingCheck(rule: BindingRule): PolarisCheck {
  const offends = rule.danger === 'cluster-admin' ? grantsEverything : allowsPodExec;
  const harm = rule.danger === 'cluster-admin' ? 'grants every verb on every resource' : 'grants pods/exec or pods/attach';
  return {
    id: rule.id,
    info: rule.info,
    target: { level: 'kind', kind: rule.bindingKind },
    messages: rule.messages,
    evaluate(subject) {
      const binding = subject.resource.object;
      const name = asObject(binding['metadata'])?.['name'];
      const ref = roleRefOf(binding);
      if (rule.bindingKind === 'RoleBinding' && ref.kind !== undefined && ref.kind !== rule.roleKind) return passed();
      // Default bindings of the control plane and GKE (and, cluster-wide, cluster-admin's own).
      if (isSystemName(name) || (rule.bindingKind === 'ClusterRoleBinding' && name === 'cluster-admin')) return passed();
      if (ref.apiGroup !== RBAC_GROUP || ref.kind !== rule.roleKind || ref.name === undefined || ref.name === '') {
        return failed(['roleRef'], `roleRef does not name a ${rule.roleKind}`);
      }
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin' && rule.danger === 'cluster-admin') {
        return failed(['roleRef', 'name'], 'binds cluster-admin');
      }
      // The read-only default role is known to be safe, whatever the manifests hold.
      if (rule.bindingKind === 'ClusterRoleBinding' && ref.name === 'view') return passed();
      const candidates = referencedRules(subject, rule.roleKind, ref.name);
      if (candidates === undefined) return failed(['roleRef', 'name'], `${rule.roleKind} ${ref.name} is not among the audited resources`);
      const safe = candidates.some((rules) => !rules.some(offends));
      return safe ? passed() : failed(['roleRef', 'name'], `${rule.roleKind} ${ref.name} ${harm}`);
    },
  };
}

export const clusterrolebindingPodExecAttach = bindingCheck({
  id: 'clusterrolebindingPodExecAttach',
  info: sharedCheck('rbac-binding-pod-exec'),
  bindingKind: 'ClusterRoleBinding',
  roleKind: 'ClusterRole',
  danger: 'exec',
  messages: { pass: 'ClusterRoleBinding grants no pods/exec or pods/attach', fail: 'ClusterRoleBinding grants pods/exec or pods/attach, or its ClusterRole is unknown' },
});

export const rolebindingClusterRolePodExecAttach = bindingCheck({
  id: 'rolebindingClusterRolePodExecAttach',
  info: sharedCheck('rbac-binding-pod-exec'),
  bindingKind: 'RoleBinding',
  roleKind: 'ClusterRole',
  danger: 'exec',
  messages: { pass: 'RoleBinding\'s ClusterRole grants no pods/exec or pods/attach', fail: 'RoleBinding grants pods/exec or pods/attach through a ClusterRole, or the ClusterRole is unknown' },
});

export const rolebindingRolePodExecAttach = bindingCheck({
  id: 'rolebindingRolePodExecAttach',
  info: sharedCheck('rbac-binding-pod-exec'),
  bindingKind: 'RoleBinding',
  roleKind: 'Role',
  danger: 'exec',
  messages: { pass: 'RoleBinding\'s Role grants no pods/exec or pods/attach', fail: 'RoleBinding grants pods/exec or pods/attach through a Role, or the Role is unknown' },
});

export const clusterrolebindingClusterAdmin = bindingCheck({
  id: 'clusterrolebindingClusterAdmin',
  info: sharedCheck('rbac-cluster-admin-binding'),
  bindingKind: 'ClusterRoleBinding',
  roleKind: 'ClusterRole',
  danger: 'cluster-admin',
  messages: { pass: 'ClusterRoleBinding does not grant cluster-admin powers', fail: 'ClusterRoleBinding grants cluster-admin or an all-wildcard ClusterRole, or its ClusterRole is unknown' },
});

export const rolebindingClusterAdminClusterRole = bindingCheck({
  id: 'rolebindingClusterAdminClusterRole',
  info: sharedCheck('rbac-cluster-admin-binding'),
  bindingKind: 'RoleBinding',
  roleKind: 'ClusterRole',
  danger: 'cluster-admin',
  messages: { pass: 'RoleBinding does not grant cluster-admin powers', fail: 'RoleBinding grants cluster-admin or an all-wildcard ClusterRole, or the ClusterRole is unknown' },
});

export const rolebindingClusterAdminRole = bindingCheck({
  id: 'rolebindingClusterAdminRole',
  info: sharedCheck('rbac-cluster-admin-binding'),
  bindingKind: 'RoleBinding',
  roleKind: 'Role',
  danger: 'cluster-admin',
  messages: { pass: 'RoleBinding\'s Role is not all-wildcard', fail: 'RoleBinding grants an all-wildcard Role, or the Role is unknown' },
});

export const RBAC_BINDINGS = [
  clusterrolebindingPodExecAttach, rolebindingClusterRolePodExecAttach, rolebindingRolePodExecAttach,
  clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole, rolebindingClusterAdminRole,
];
