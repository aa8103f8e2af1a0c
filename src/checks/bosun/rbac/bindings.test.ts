import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, single } from '../fixture.test-helper.js';
import { bindingChecks } from './bindings.js';

const CI_ADMIN = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer-admin
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
  - kind: Group
    name: platform-team
    apiGroup: rbac.authorization.k8s.io
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`;

describe('cluster-admin bindings', () => {
  it('reports a ClusterRoleBinding to cluster-admin as critical, naming its subjects', () => {
    const result = single(run(bindingChecks, CI_ADMIN), 'rbac-cluster-admin-binding');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'critical');
    assert.equal(result.compatibleId, 'bosun:rbac-cluster-admin-binding');
    assert.deepEqual(result.path, ['roleRef', 'name']);
    assert.equal(result.message, 'ClusterRoleBinding grants cluster-admin on the whole cluster to ServiceAccount ci/deployer, Group platform-team');
  });

  it('rates a RoleBinding to cluster-admin high: it stops at the namespace', () => {
    const yaml = `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: team-admin
  namespace: payments
subjects:
  - kind: User
    name: alice@example.com
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`;
    const result = single(run(bindingChecks, yaml), 'rbac-cluster-admin-binding');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'high');
    assert.match(result.message, /in namespace payments to User alice@example.com/);
  });

  it('reports a binding to a ClusterRole that is cluster-admin in all but name', () => {
    const yaml = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: superuser
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: superuser-ops
subjects:
  - kind: Group
    name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: superuser
`;
    const result = single(run(bindingChecks, yaml), 'rbac-cluster-admin-binding');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /ClusterRole superuser, which allows every verb on every resource/);
  });

  it('passes other bindings and skips the built-in cluster-admin binding', () => {
    const yaml = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cluster-admin
  labels:
    kubernetes.io/bootstrapping: rbac-defaults
subjects:
  - kind: Group
    name: system:masters
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: viewers
  namespace: shop
subjects:
  - kind: Group
    name: support
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: local
  namespace: shop
subjects:
  - kind: Group
    name: support
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cluster-admin
`;
    const results = run(bindingChecks, yaml);
    assert.deepEqual(results.map((r) => [r.resource.name, r.status]), [['viewers', 'pass'], ['local', 'pass']]);
  });
});
