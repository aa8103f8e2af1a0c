import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHARED_CHECKS } from '../catalog/index.js';
import { mergeResults } from '../merge.js';
import type { CheckInfo } from '../types.js';
import { contextOf, FAKE } from './fixture.test-helper.js';
import { bosunFamily } from './index.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** A small but complete application: every check has something to fail on and something to pass. */
const SHOP = `
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders}
  template:
    metadata:
      labels: {app: orders}
    spec:
      containers:
        - name: api
          image: registry.example.com/orders:2.3.0
          env:
            - name: DB_PASSWORD
              value: ${FAKE.password}
        - name: sidecar
          image: registry.example.com/proxy:1.0.0
---
apiVersion: v1
kind: Service
metadata:
  name: orders
  namespace: shop
spec:
  type: LoadBalancer
  selector: {app: orders}
  ports: [{port: 443}]
---
apiVersion: v1
kind: Service
metadata:
  name: orders-internal
  namespace: shop
spec:
  selector: {app: orders}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-config
  namespace: shop
data:
  GITHUB_TOKEN: ${FAKE.github}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-flags
  namespace: shop
data:
  FEATURE_X: "on"
---
apiVersion: v1
kind: Secret
metadata:
  name: orders-db
  namespace: shop
data:
  password: ${b64(FAKE.password)}
---
apiVersion: v1
kind: Secret
metadata:
  name: orders-empty
  namespace: shop
stringData:
  password: ""
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops-everything
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops-admin
subjects: [{kind: Group, name: ops}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
  namespace: shop
subjects: [{kind: Group, name: support}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: billing
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers: [{name: ledger, image: registry.example.com/ledger:1.0.0}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: billing
spec:
  podSelector: {}
`;

const checksById = new Map<string, CheckInfo>(bosunFamily.checks.map((c) => [c.id, c]));
const sharedIds = new Set(SHARED_CHECKS.map((c) => c.id));

describe('bosun family', () => {
  it('declares each check once, with stable ids and the texts users need', () => {
    assert.equal(bosunFamily.id, 'bosun');
    assert.equal(checksById.size, bosunFamily.checks.length, 'no duplicate ids');
    for (const check of bosunFamily.checks) {
      assert.match(check.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, check.id);
      assert.ok(check.title !== '' && check.description.length > 40 && check.remediation.length > 20, check.id);
      assert.ok(['RBAC', 'Networking', 'Secrets'].includes(check.category), `${check.id}: ${check.category}`);
      if (sharedIds.has(check.id)) {
        assert.equal(check, SHARED_CHECKS.find((c) => c.id === check.id), `${check.id} must be the catalog entry itself`);
      } else {
        assert.deepEqual(check.compatibleIds, [`bosun:${check.id}`], check.id);
      }
    }
    assert.deepEqual([...checksById.keys()].sort(), [
      'namespace-network-policy-missing', 'rbac-cluster-admin-binding', 'rbac-pod-exec', 'rbac-privilege-escalation-verbs',
      'rbac-secrets-read', 'rbac-wildcard', 'secret-in-configmap', 'secret-in-env', 'secret-in-manifest', 'service-exposed',
    ]);
  });

  it('emits only declared checks, each of them both failing and passing on a realistic app', () => {
    const results = bosunFamily.run(contextOf(SHOP));
    for (const result of results) {
      assert.ok(checksById.has(result.checkId), result.checkId);
      assert.equal(result.compatibleId, `bosun:${result.checkId}`);
      if (sharedIds.has(result.checkId)) assert.equal(result.discriminator, undefined, `${result.checkId} must merge with other families`);
    }
    for (const id of checksById.keys()) {
      const statuses = new Set(results.filter((r) => r.checkId === id).map((r) => r.status));
      assert.deepEqual([...statuses].sort(), ['fail', 'pass'], id);
    }
  });

  it('gives one result per subject and check, so findings never merge two verdicts of ours', () => {
    const results = bosunFamily.run(contextOf(SHOP));
    const keys = results.map((r) => `${r.resource.kind}/${r.resource.name}/${r.checkId}/${r.container ?? ''}/${r.discriminator ?? ''}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('turns into findings with locations and without secrets', () => {
    const findings = mergeResults(bosunFamily.run(contextOf(SHOP)), checksById, { includePassed: false });
    assert.ok(findings.length >= 10);
    for (const finding of findings) {
      assert.equal(finding.status, 'fail');
      assert.equal(finding.location?.file, 'fixture.yaml');
      assert.ok((finding.location?.line ?? 0) > 1);
      for (const secret of [FAKE.password, FAKE.github, b64(FAKE.password)]) assert.ok(!finding.message.includes(secret), finding.message);
    }
    const env = findings.find((f) => f.checkId === 'secret-in-env');
    assert.equal(env?.location?.field, 'spec.template.spec.containers[0].env[0].value');
    assert.equal(env?.subject.container, 'api');
  });
});
