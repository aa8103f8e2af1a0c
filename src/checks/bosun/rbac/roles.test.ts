import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, resultsFor, run, single } from '../fixture.test-helper.js';
import { roleChecks } from './roles.js';

const ADMIN_LIKE = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: platform-operator
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`;

const READER = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list", "watch"]
`;

function role(rules: string, kind = 'Role'): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\n  namespace: shop\nrules:\n${rules}`;
}

describe('RBAC role checks', () => {
  it('reports every risk of an all-wildcard rule, pointing at that rule', () => {
    const results = run(roleChecks, ADMIN_LIKE);
    for (const id of ['rbac-wildcard', 'rbac-secrets-read', 'rbac-privilege-escalation-verbs', 'rbac-pod-exec']) {
      const result = single(results, id);
      assert.equal(result.status, 'fail', id);
      assert.deepEqual(result.path, ['rules', 1], id);
      assert.equal(result.compatibleId, `bosun:${id}`);
      assert.equal(result.discriminator, undefined, 'one result per role, so fingerprints survive rule reordering');
      assert.equal(lineOf(result), 10);
    }
    const wildcard = single(results, 'rbac-wildcard');
    assert.equal(wildcard.severity, 'high');
    assert.match(wildcard.message, /rules\[1\] has \* in apiGroups, resources, verbs/);
    assert.match(single(results, 'rbac-privilege-escalation-verbs').message, /escalate, bind, impersonate/);
  });

  it('passes a narrow read-only role on every check', () => {
    const results = run(roleChecks, READER);
    assert.equal(results.length, 4);
    for (const result of results) assert.equal(result.status, 'pass', `${result.checkId}: ${result.message}`);
  });

  it('rates a wildcard API group on named resources lower than wildcard verbs', () => {
    const result = single(run(roleChecks, role('  - apiGroups: ["*"]\n    resources: ["deployments"]\n    verbs: ["get"]\n')), 'rbac-wildcard');
    assert.equal(result.status, 'fail');
    assert.equal(result.severity, 'medium');
  });

  it('lists several offending rules in one result and points at the first', () => {
    const rules =
      '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n' +
      '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["list"]\n' +
      '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["watch", "get"]\n';
    const result = single(run(roleChecks, role(rules)), 'rbac-secrets-read');
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.path, ['rules', 1]);
    assert.match(result.message, /rules\[1\] allows list on secrets; rules\[2\] allows get, watch on secrets/);
  });

  it('does not count secrets access pinned with resourceNames or without read verbs', () => {
    const pinned = '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-tls"]\n    verbs: ["get"]\n';
    const writeOnly = '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["create", "delete"]\n';
    const otherGroup = '  - apiGroups: ["example.com"]\n    resources: ["secrets"]\n    verbs: ["get"]\n';
    for (const rules of [pinned, writeOnly, otherGroup]) {
      assert.equal(single(run(roleChecks, role(rules)), 'rbac-secrets-read').status, 'pass', rules);
    }
  });

  it('finds escalate, bind and impersonate only where they take effect', () => {
    const cases: Array<[string, 'pass' | 'fail']> = [
      ['  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["bind"]\n', 'fail'],
      ['  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["*"]\n', 'fail'],
      ['  - apiGroups: [""]\n    resources: ["serviceaccounts"]\n    verbs: ["impersonate"]\n', 'fail'],
      ['  - apiGroups: ["authentication.k8s.io"]\n    resources: ["userextras/scopes"]\n    verbs: ["impersonate"]\n', 'fail'],
      // bind on pods grants nothing; * verbs on serviceaccounts in another group neither.
      ['  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["bind"]\n', 'pass'],
      ['  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["get", "list"]\n', 'pass'],
    ];
    for (const [rules, status] of cases) {
      assert.equal(single(run(roleChecks, role(rules, 'ClusterRole')), 'rbac-privilege-escalation-verbs').status, status, rules);
    }
  });

  it('reports exec and attach like Polaris does, and wildcards that cover them', () => {
    const cases: Array<[string, 'pass' | 'fail']> = [
      ['  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["create"]\n', 'fail'],
      // get alone opens a WebSocket exec session on API servers before 1.35.
      ['  - apiGroups: [""]\n    resources: ["pods/attach"]\n    verbs: ["get"]\n', 'fail'],
      ['  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["get", "list"]\n', 'fail'],
      ['  - apiGroups: [""]\n    resources: ["*/exec"]\n    verbs: ["*"]\n', 'fail'],
      // `pods/*` is no wildcard to the API server; logs and other groups are harmless here.
      ['  - apiGroups: [""]\n    resources: ["pods/*"]\n    verbs: ["create"]\n', 'pass'],
      ['  - apiGroups: [""]\n    resources: ["pods/log", "pods"]\n    verbs: ["get", "create"]\n', 'pass'],
      ['  - apiGroups: ["apps"]\n    resources: ["pods/exec"]\n    verbs: ["create"]\n', 'pass'],
    ];
    for (const [rules, status] of cases) {
      const result = single(run(roleChecks, role(rules)), 'rbac-pod-exec');
      assert.equal(result.status, status, rules);
      assert.equal(result.compatibleId, 'bosun:rbac-pod-exec');
    }
  });

  it('skips Kubernetes\' own roles but not look-alikes', () => {
    const yaml = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:controller:namespace-controller
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["delete", "get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: edit
  labels:
    kubernetes.io/bootstrapping: rbac-defaults
rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
  labels:
    kubernetes.io/bootstrapping: rbac-defaults
rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
`;
    const results = run(roleChecks, yaml);
    assert.deepEqual(resultsFor(results, 'rbac-pod-exec').map((r) => [r.resource.name, r.status]), [['deployer', 'fail']]);
  });

  it('ignores custom resources that reuse the Role kind', () => {
    const yaml = 'apiVersion: iam.aws.crossplane.io/v1beta1\nkind: Role\nmetadata:\n  name: app\nspec: {}\n';
    assert.deepEqual(run(roleChecks, yaml), []);
  });
});
