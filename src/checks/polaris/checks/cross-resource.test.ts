import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditYaml, only, statuses } from '../testing.js';

const deployment = (extra = '', replicas = ''): string => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  ${replicas}
  template:
    metadata: { labels: { app: api, tier: web } }
    spec: { containers: [ { name: c, image: "api:1" } ] }
${extra}`;

const pdb = (selector: string, minAvailable: string): string => `
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: api, namespace: shop }
spec: { minAvailable: ${minAvailable}, selector: ${selector} }
`;

const hpa = (minReplicas: number): string => `
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api, namespace: shop }
spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }, minReplicas: ${minReplicas}, maxReplicas: 10 }
`;

test('missingPodDisruptionBudget: a budget in the namespace must select the pods by matchLabels', () => {
  const id = 'missingPodDisruptionBudget';
  const run = (text: string): string[] => statuses(auditYaml(text, only(id)), id);
  assert.deepEqual(run(deployment()), ['fail']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '1'))), ['pass']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api, extra: x } }', '1'))), ['fail']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '1').replace('namespace: shop', 'namespace: other'))), ['fail']);
});

test('pdbMinAvailableGreaterThanHPAMinReplicas scales percentages on the Deployment replicas', () => {
  const id = 'pdbMinAvailableGreaterThanHPAMinReplicas';
  const run = (text: string): string[] => statuses(auditYaml(text, only(id)), id);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '4') + hpa(3))), ['fail']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '3') + hpa(3))), ['pass']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '"80%"') + hpa(5), 'replicas: 10')), ['fail']);
  assert.deepEqual(run(deployment(pdb('{ matchLabels: { app: api } }', '"80%"') + hpa(5))), ['pass']);
});

test('missingNetworkPolicy: one policy must select the pods and restrict both directions', () => {
  const id = 'missingNetworkPolicy';
  const policy = (spec: string): string => `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: np, namespace: shop }
spec: ${spec}
`;
  const run = (text: string): string[] => statuses(auditYaml(text, only(id)), id);
  const rules = 'ingress: [ { from: [ { podSelector: {} } ] } ], egress: [ { to: [ { podSelector: {} } ] } ]';
  assert.deepEqual(run(deployment(policy(`{ podSelector: { matchLabels: { app: api, tier: web } }, ${rules} }`))), ['pass']);
  assert.deepEqual(run(deployment(policy(`{ podSelector: { matchLabels: { app: api } }, policyTypes: [Ingress], ${rules} }`))), ['fail']);
  assert.deepEqual(run(deployment(policy(`{ podSelector: { matchLabels: { app: other } }, ${rules} }`))), ['fail']);
  assert.deepEqual(run(deployment(policy('{ podSelector: { matchLabels: { app: api } }, ingress: [ {} ] }'))), ['fail']);
});

test('automountServiceAccountToken: the pod setting wins, else its ServiceAccount decides', () => {
  const id = 'automountServiceAccountToken';
  const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: ${spec}\n`;
  const account = (name: string, automount: boolean): string => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: ${name} }\nautomountServiceAccountToken: ${automount}\n`;
  const run = (text: string): string[] => statuses(auditYaml(text, only(id)), id);
  assert.deepEqual(run(pod('{ automountServiceAccountToken: false, containers: [] }')), ['pass']);
  assert.deepEqual(run(pod('{ automountServiceAccountToken: true, serviceAccountName: sa, containers: [] }') + account('sa', false)), ['fail']);
  assert.deepEqual(run(pod('{ serviceAccountName: sa, containers: [] }') + account('sa', false)), ['pass']);
  assert.deepEqual(run(pod('{ containers: [] }') + account('default', false)), ['pass']);
  assert.deepEqual(run(pod('{ containers: [] }')), ['fail']);
});
