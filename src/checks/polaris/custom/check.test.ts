import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BosunError } from '../../../kernel/index.js';
import { auditYaml, statuses } from '../testing.js';
import { customCheckId } from './check.js';

const PODS = `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: app, labels: { app.kubernetes.io/name: web } }
spec:
  securityContext: { runAsNonRoot: true }
  initContainers: [ { name: init, image: busybox } ]
  containers:
    - { name: main, image: "web:1", resources: { limits: { memory: 250Mi, cpu: 1.5 } } }
    - { name: side, image: "side:1", resources: { limits: { memory: 8Gi, cpu: 50m } } }
---
apiVersion: v1
kind: Pod
metadata: { name: other, namespace: app, labels: { app.kubernetes.io/name: nope } }
spec: { containers: [ { name: c, image: "x:1" } ] }
`;

const withCheck = (id: string, definition: unknown): unknown => ({ checks: { [id]: 'danger' }, customChecks: { [id]: definition }, exemptions: [] });

test('a kind-targeted custom check renders Go-template placeholders against the resource', () => {
  const results = auditYaml(PODS, withCheck('nameLabel', {
    target: 'Pod',
    successMessage: 'label matches',
    failureMessage: 'label differs',
    schema: { type: 'object', properties: { metadata: { required: ['labels'], properties: { labels: { properties: { 'app.kubernetes.io/name': { const: '{{ .metadata.name }}' } } } } } } },
  }));
  assert.deepEqual(statuses(results, 'nameLabel'), ['pass', 'fail']);
  const failure = results.find((r) => r.compatibleId === 'polaris:nameLabel' && r.status === 'fail');
  assert.equal(failure?.checkId, 'polaris-custom-name-label');
  assert.equal(failure?.severity, 'high');
  assert.equal(failure?.message, 'label differs');
});

test('container targets with quantity bounds, init containers excluded', () => {
  const results = auditYaml(PODS, withCheck('resourceRange', {
    target: 'Container',
    containers: { exclude: ['initContainer'] },
    schema: {
      type: 'object',
      required: ['resources'],
      properties: { resources: { properties: { limits: { required: ['memory', 'cpu'], properties: { memory: { type: 'string', resourceMinimum: '100Mi', resourceMaximum: '6G' }, cpu: { type: 'string', resourceMinimum: '100m', resourceMaximum: '2' } } } } } },
    },
  }));
  assert.deepEqual(statuses(results, 'resourceRange'), ['pass:main', 'fail:side', 'fail:c']);
});

test('schemaTarget PodSpec lets the pod securityContext count for each container', () => {
  const definition = {
    target: 'Container',
    schemaTarget: 'PodSpec',
    schemaString: `
type: object
anyOf:
  - required: [securityContext]
    properties: { securityContext: { required: [runAsNonRoot], properties: { runAsNonRoot: { const: true } } } }
  - properties: { containers: { items: { required: [securityContext] } } }
`,
  };
  assert.deepEqual(statuses(auditYaml(PODS, withCheck('nonRoot', definition)), 'nonRoot'), ['pass:init', 'pass:main', 'pass:side', 'fail:c']);
});

test('additional schemas need a matching object of that kind in the namespace', () => {
  const definition = {
    target: 'Controller',
    schema: { type: 'object' },
    additionalSchemaStrings: {
      '/ConfigMap': '{{ if ne .metadata.name "other" }}required: [metadata]\nproperties: { metadata: { properties: { name: { const: "{{ .metadata.name }}-config" } } } }{{ end }}',
    },
  };
  const configMap = '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: web-config, namespace: app }\n';
  // `other` renders a blank extra schema, which is dropped.
  assert.deepEqual(statuses(auditYaml(PODS + configMap, withCheck('hasConfig', definition)), 'hasConfig'), ['pass', 'pass']);
  assert.deepEqual(statuses(auditYaml(PODS, withCheck('hasConfig', definition)), 'hasConfig'), ['fail', 'pass']);
  const elsewhere = configMap.replace('namespace: app', 'namespace: elsewhere');
  assert.deepEqual(statuses(auditYaml(PODS + elsewhere, withCheck('hasConfig', definition)), 'hasConfig'), ['fail', 'pass']);
});

test('a custom check may replace a built-in one', () => {
  const results = auditYaml(PODS, { customChecks: { hostIPCSet: { target: 'PodSpec', schema: { required: ['hostIPC'] } } }, exemptions: [] });
  const hostIpc = results.filter((r) => r.compatibleId === 'polaris:hostIPCSet');
  assert.deepEqual(hostIpc.map((r) => r.status), ['fail', 'fail']);
  assert.ok(hostIpc.every((r) => r.checkId === 'host-ipc'));
});

test('template errors surface as config errors', () => {
  assert.throws(
    () => auditYaml(PODS, withCheck('bad', { target: 'Pod', schemaString: '{{ include "x" }}' })),
    (e: unknown) => e instanceof BosunError && e.code === 'config.invalid',
  );
});

test('custom check ids become kebab-case catalog ids', () => {
  assert.equal(customCheckId('nakedPod'), 'polaris-custom-naked-pod');
  assert.equal(customCheckId('oneController'), 'polaris-custom-one-controller');
  assert.equal(customCheckId('my_check.v2'), 'polaris-custom-my-check-v2');
});
