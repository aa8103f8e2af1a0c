import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditYaml, only, statuses } from '../testing.js';

const pod = (spec: string, metadata = '{ name: p, labels: { app: web } }'): string => `
apiVersion: v1
kind: Pod
metadata: ${metadata}
spec: ${spec}
`;

test('container-only settings written on the pod do not count (Polaris decodes typed pod specs)', () => {
  const text = pod('{ securityContext: { privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true }, containers: [ { name: c, image: "x:1", securityContext: null } ] }');
  const results = auditYaml(text, only('privilegeEscalationAllowed', 'notReadOnlyRootFilesystem', 'runAsRootAllowed', 'runAsPrivileged'));
  assert.deepEqual(statuses(results, 'privilegeEscalationAllowed'), ['fail:c']);
  assert.deepEqual(statuses(results, 'notReadOnlyRootFilesystem'), ['fail:c']);
  assert.deepEqual(statuses(results, 'runAsRootAllowed'), ['pass:c']);
  assert.deepEqual(statuses(results, 'runAsPrivileged'), ['pass:c']);
});

test('runAsRootAllowed: a container can undo the pod setting, or set its own', () => {
  const id = 'runAsRootAllowed';
  const undo = pod('{ securityContext: { runAsNonRoot: true }, containers: [ { name: c, image: "x:1", securityContext: { runAsNonRoot: false } } ] }');
  assert.deepEqual(statuses(auditYaml(undo, only(id)), id), ['fail:c']);
  const user = pod('{ containers: [ { name: c, image: "x:1", securityContext: { runAsUser: 1000 } } ] }');
  assert.deepEqual(statuses(auditYaml(user, only(id)), id), ['pass:c']);
  const rootUser = pod('{ securityContext: { runAsUser: 1000 }, containers: [ { name: c, image: "x:1", securityContext: { runAsUser: 0 } } ] }');
  assert.deepEqual(statuses(auditYaml(rootUser, only(id)), id), ['fail:c']);
});

test('any object with a pod spec is a workload, whatever its apiVersion', () => {
  const text = `
apiVersion: example.com/v1
kind: Rollout
metadata: { name: r }
spec: { replicas: 1, template: { metadata: { labels: { a: b } }, spec: { containers: [ { name: c, image: "x:1", securityContext: { privileged: true } } ] } } }
`;
  assert.deepEqual(statuses(auditYaml(text, only('runAsPrivileged')), 'runAsPrivileged'), ['fail:c']);
});

test('probes are not required of batch workloads', () => {
  const job = `
apiVersion: batch/v1
kind: CronJob
metadata: { name: j }
spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [ { name: c, image: "x:1" } ] } } } } }
`;
  const results = auditYaml(job, only('readinessProbeMissing', 'livenessProbeMissing', 'topologySpreadConstraint', 'priorityClassNotSet'));
  assert.deepEqual(statuses(results, 'readinessProbeMissing'), []);
  assert.deepEqual(statuses(results, 'topologySpreadConstraint'), []);
  assert.deepEqual(statuses(results, 'priorityClassNotSet'), ['fail']);
});

test('numeric quantities count as set', () => {
  const text = pod('{ containers: [ { name: c, image: "x:1", resources: { limits: { cpu: 1, memory: "" } } } ] }');
  const results = auditYaml(text, only('cpuLimitsMissing', 'memoryLimitsMissing'));
  assert.deepEqual(statuses(results, 'cpuLimitsMissing'), ['pass:c']);
  assert.deepEqual(statuses(results, 'memoryLimitsMissing'), ['fail:c']);
});

test('linuxHardening accepts any one confinement mechanism', () => {
  const id = 'linuxHardening';
  const run = (text: string): string[] => statuses(auditYaml(text, only(id)), id);
  assert.deepEqual(run(pod('{ containers: [ { name: c, image: "x:1" } ] }')), ['fail:c']);
  assert.deepEqual(run(pod('{ securityContext: { seccompProfile: { type: RuntimeDefault } }, containers: [ { name: c, image: "x:1" } ] }')), ['pass:c']);
  assert.deepEqual(run(pod('{ containers: [ { name: c, image: "x:1", securityContext: { capabilities: { drop: [NET_RAW], add: [ALL] } } } ] }')), ['fail:c']);
  assert.deepEqual(run(pod('{ containers: [ { name: c, image: "x:1", securityContext: { seLinuxOptions: { level: "s0:c1" } } } ] }')), ['pass:c']);
  const annotated = pod('{ containers: [ { name: c, image: "x:1" }, { name: d, image: "x:1" } ] }', '{ name: p, annotations: { container.apparmor.security.beta.kubernetes.io/c: runtime/default } }');
  assert.deepEqual(run(annotated), ['pass:c', 'fail:d']);
});

test('secrets: sensitive names and private keys in env and ConfigMaps', () => {
  const env = pod('{ containers: [ { name: c, image: "x:1", env: [ { name: API_TOKEN, valueFrom: { secretKeyRef: { name: s, key: k } } }, { name: PORT, value: "80" } ] } ] }');
  assert.deepEqual(statuses(auditYaml(env, only('sensitiveContainerEnvVar')), 'sensitiveContainerEnvVar'), ['pass:c']);
  const leak = pod('{ containers: [ { name: c, image: "x:1", env: [ { name: AWS_SECRET_ACCESS_KEY, value: abc } ] } ] }');
  assert.deepEqual(statuses(auditYaml(leak, only('sensitiveContainerEnvVar')), 'sensitiveContainerEnvVar'), ['fail:c']);
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: m }\ndata: { cert: "-----BEGIN RSA PRIVATE KEY-----\\nabc" }\n';
  assert.deepEqual(statuses(auditYaml(configMap, only('sensitiveConfigmapContent')), 'sensitiveConfigmapContent'), ['fail']);
});
