import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyJsonPatch, JsonPatchError, parsePointer } from './json-patch.js';

describe('applyJsonPatch', () => {
  const doc = { metadata: { annotations: { 'a/b': '1' } }, spec: { list: [1, 2, 3] } };

  it('unescapes JSON pointers (~1 is /, ~0 is ~)', () => {
    assert.deepEqual(parsePointer('/metadata/annotations/a~1b~0c'), ['metadata', 'annotations', 'a/b~c']);
  });

  it('add, replace, remove, move, copy and test; the input is not modified', () => {
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/spec/list/-', value: 4 },
      { op: 'add', path: '/spec/list/0', value: 0 },
      { op: 'replace', path: '/metadata/annotations/a~1b', value: '2' },
      { op: 'remove', path: '/spec/list/1' },
      { op: 'copy', from: '/spec/list', path: '/spec/copy' },
      { op: 'move', from: '/spec/copy', path: '/spec/moved' },
      { op: 'test', path: '/spec/moved/0', value: 0 },
    ]);
    assert.deepEqual(out, { metadata: { annotations: { 'a/b': '2' } }, spec: { list: [0, 2, 3, 4], moved: [0, 2, 3, 4] } });
    assert.deepEqual(doc.spec.list, [1, 2, 3]);
  });

  it('creates missing parents on add (lists before index tokens) and ignores a missing remove', () => {
    const out = applyJsonPatch({ spec: {} }, [
      { op: 'add', path: '/spec/env/-', value: { name: 'A' } },
      { op: 'add', path: '/spec/terms/-1/expr/-1', value: 'x' },
      { op: 'remove', path: '/spec/absent' },
    ]);
    assert.deepEqual(out, { spec: { env: [{ name: 'A' }], terms: [{ expr: ['x'] }] } });
  });

  it('fails a test op and a replace of a missing path', () => {
    assert.throws(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/list/0', value: 9 }]), JsonPatchError);
    assert.throws(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/nope', value: 9 }]), JsonPatchError);
  });
});
