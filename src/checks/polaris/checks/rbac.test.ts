import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditYaml, only, statuses } from '../testing.js';

const binding = (kind: 'ClusterRoleBinding' | 'RoleBinding', name: string, roleKind: string, roleName: string): string => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: { name: ${JSON.stringify(name)}${kind === 'RoleBinding' ? ', namespace: team' : ''} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${JSON.stringify(roleName)} }
subjects: [ { kind: User, name: dev } ]
`;

const role = (kind: 'Role' | 'ClusterRole', name: string, rules: string): string => `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: { name: ${JSON.stringify(name)}${kind === 'Role' ? ', namespace: team' : ''} }
rules: ${rules}
`;

const EXEC = '[ { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] } ]';
const WILDCARD = '[ { apiGroups: ["*"], resources: ["*"], verbs: ["*"] } ]';
const SAFE = '[ { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] } ]';

test('roles granting pods/exec fail unless they are default or system roles', () => {
  const run = (kind: 'Role' | 'ClusterRole', name: string, rules: string, id: string): string[] => statuses(auditYaml(role(kind, name, rules), only(id)), id);
  assert.deepEqual(run('ClusterRole', 'ops', EXEC, 'clusterrolePodExecAttach'), ['fail']);
  assert.deepEqual(run('ClusterRole', 'edit', EXEC, 'clusterrolePodExecAttach'), ['pass']);
  assert.deepEqual(run('ClusterRole', 'system:x', WILDCARD, 'clusterrolePodExecAttach'), ['pass']);
  assert.deepEqual(run('Role', 'edit', EXEC, 'rolePodExecAttach'), ['fail']);
  assert.deepEqual(run('Role', 'viewer', SAFE, 'rolePodExecAttach'), ['pass']);
  assert.deepEqual(run('Role', 'getter', '[ { apiGroups: [""], resources: ["*"], verbs: ["get"] } ]', 'rolePodExecAttach'), ['fail']);
});

test('bindings are judged by the role they reference', () => {
  const id = 'clusterrolebindingPodExecAttach';
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'ops') + role('ClusterRole', 'ops', EXEC), only(id)), id), ['fail']);
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'ops') + role('ClusterRole', 'ops', SAFE), only(id)), id), ['pass']);
  // Unknown role: nothing shows the binding is safe.
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'ops'), only(id)), id), ['fail']);
  // Default ClusterRoles are known without being in the manifests.
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'view'), only(id)), id), ['pass']);
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'edit'), only(id)), id), ['fail']);
  // Default and system bindings are left alone.
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'system:b', 'ClusterRole', 'ops'), only(id)), id), ['pass']);
});

test('a Role must sit in the binding namespace', () => {
  const id = 'rolebindingRolePodExecAttach';
  const elsewhere = role('Role', 'r', SAFE).replace('namespace: team', 'namespace: other');
  assert.deepEqual(statuses(auditYaml(binding('RoleBinding', 'b', 'Role', 'r') + elsewhere, only(id)), id), ['fail']);
  assert.deepEqual(statuses(auditYaml(binding('RoleBinding', 'b', 'Role', 'r') + role('Role', 'r', SAFE), only(id)), id), ['pass']);
});

test('cluster-admin bindings: the name alone decides, then full wildcards', () => {
  const crb = 'clusterrolebindingClusterAdmin';
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'cluster-admin') + role('ClusterRole', 'cluster-admin', SAFE), only(crb)), crb), ['fail']);
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'cluster-admin', 'ClusterRole', 'cluster-admin'), only(crb)), crb), ['pass']);
  assert.deepEqual(statuses(auditYaml(binding('ClusterRoleBinding', 'b', 'ClusterRole', 'admin'), only(crb)), crb), ['pass']);
  const rb = 'rolebindingClusterAdminRole';
  const allVerbs = '[ { apiGroups: ["*"], resources: ["*"], verbs: [patch, delete, get, list, watch, create, update] } ]';
  assert.deepEqual(statuses(auditYaml(binding('RoleBinding', 'b', 'Role', 'r') + role('Role', 'r', allVerbs), only(rb)), rb), ['fail']);
  const sixVerbs = '[ { apiGroups: ["*"], resources: ["*"], verbs: [patch, delete, get, list, watch, create] } ]';
  assert.deepEqual(statuses(auditYaml(binding('RoleBinding', 'b', 'Role', 'r') + role('Role', 'r', sixVerbs), only(rb)), rb), ['pass']);
});

test('each RoleBinding check passes bindings to the other role kind', () => {
  const text = binding('RoleBinding', 'b', 'ClusterRole', 'ops') + role('ClusterRole', 'ops', WILDCARD);
  const results = auditYaml(text, only('rolebindingRolePodExecAttach', 'rolebindingClusterRolePodExecAttach', 'rolebindingClusterAdminRole', 'rolebindingClusterAdminClusterRole'));
  assert.deepEqual(statuses(results, 'rolebindingRolePodExecAttach'), ['pass']);
  assert.deepEqual(statuses(results, 'rolebindingClusterAdminRole'), ['pass']);
  assert.deepEqual(statuses(results, 'rolebindingClusterRolePodExecAttach'), ['fail']);
  assert.deepEqual(statuses(results, 'rolebindingClusterAdminClusterRole'), ['fail']);
});
