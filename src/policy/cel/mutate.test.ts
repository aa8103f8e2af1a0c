import assert from 'node:assert/strict';
import test from 'node:test';
import { rewriteTypedLiterals, runCelMutations } from './mutate.js';
import type { CelInput } from './validate.js';

function input(object: Record<string, unknown>): CelInput {
  return { object, oldObject: null, request: { operation: 'CREATE' }, namespaceObject: null };
}

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'x' } },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', env: [{ name: 'X', value: '1' }] }] },
};

test('typed object literals become map literals with quoted fields', () => {
  assert.equal(rewriteTypedLiterals('Object{metadata: Object.metadata{labels: {"a": x ? 1 : 2}}}'), 'dyn({"metadata": dyn({"labels": {"a": x ? 1 : 2}})})');
  assert.equal(rewriteTypedLiterals('[JSONPatch{op: "add", path: "/a/" + jsonpatch.escapeKey("b/c")}]'), '[dyn({"op": "add","path": "/a/" + jsonpatch_escapeKey("b/c")})]');
  assert.equal(rewriteTypedLiterals('"Object{a: 1}"'), '"Object{a: 1}"');
});

test('ApplyConfiguration merges maps and keyed lists', () => {
  const out = runCelMutations('p', {
    mutations: [{
      patchType: 'ApplyConfiguration',
      applyConfiguration: { expression: 'Object{metadata: Object.metadata{labels: {"foo": "bar"}}, spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, imagePullPolicy: "Always"})}}' },
    }],
  }, input(pod));
  assert.equal(out.status, 'pass');
  assert.deepEqual(out.patched?.['metadata'], { name: 'p', labels: { app: 'x', foo: 'bar' } });
  assert.deepEqual(out.patched?.['spec'], {
    containers: [{ name: 'a', image: 'nginx', imagePullPolicy: 'Always' }, { name: 'b', image: 'busybox', env: [{ name: 'X', value: '1' }], imagePullPolicy: 'Always' }],
  });
});

test('JSONPatch applies operations in order, with variables and has() on indexed fields', () => {
  const out = runCelMutations('p', {
    variables: [{ name: 'n', expression: 'size(object.spec.containers)' }],
    mutations: [{
      patchType: 'JSONPatch',
      jsonPatch: { expression: 'object.spec.containers.map(c, object.spec.containers.indexOf(c)).map(i, JSONPatch{op: "add", path: "/spec/containers/" + string(i) + (has(object.spec.containers[i].env) ? "/env/-" : "/env"), value: has(object.spec.containers[i].env) ? dyn({"name": "N", "value": string(variables.n)}) : dyn([{"name": "N", "value": string(variables.n)}])})' },
    }],
  }, input(pod));
  assert.equal(out.status, 'pass');
  const containers = (out.patched?.['spec'] as { containers: { env: unknown[] }[] }).containers;
  assert.deepEqual(containers[0]?.env, [{ name: 'N', value: '2' }]);
  assert.deepEqual(containers[1]?.env, [{ name: 'X', value: '1' }, { name: 'N', value: '2' }]);
});

test('an expression error is reported as error', () => {
  const out = runCelMutations('p', { mutations: [{ patchType: 'JSONPatch', jsonPatch: { expression: 'object.nope.deeper' } }] }, input(pod));
  assert.equal(out.status, 'error');
});
