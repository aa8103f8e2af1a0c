import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlStream } from './parse.js';

describe('parseYamlStream', () => {
  it('splits documents and keeps their positions', () => {
    const text = '# header\napiVersion: v1\nkind: Pod\n---\n\n---\nkind: Service\nmetadata:\n  name: web\n';
    const stream = parseYamlStream(text, { file: 'x.yaml' });
    assert.equal(stream.errors.length, 0);
    assert.equal(stream.documents.length, 2);
    assert.deepEqual(stream.documents[0]?.position, { line: 2, column: 1 });
    assert.deepEqual(stream.documents[1]?.position, { line: 7, column: 1 });
    assert.deepEqual(stream.documents[1]?.locate(['metadata', 'name']), { line: 9, column: 3, exact: true });
    assert.deepEqual(stream.documents[1]?.locate(['metadata', 'labels', 'x']), { line: 8, column: 1, exact: false });
  });

  it('reports a malformed document with its line and keeps the others', () => {
    const text = 'kind: A\n---\nkind: [unclosed\n---\nkind: C\n';
    const stream = parseYamlStream(text, { file: 'bad.yaml' });
    assert.equal(stream.documents.length, 2);
    assert.equal(stream.errors.length, 1);
    assert.equal(stream.errors[0]?.file, 'bad.yaml');
    assert.ok((stream.errors[0]?.line ?? 0) >= 3, `line ${stream.errors[0]?.line}`);
    assert.match(stream.errors[0]?.describe() ?? '', /^bad\.yaml:\d+:\d+: malformed YAML/);
  });

  it('reads YAML 1.1 values the way Kubernetes does', () => {
    const stream = parseYamlStream('a: yes\nb: 0755\nbase: &b {x: 1}\nc:\n  <<: *b\n  z: 2\n', { file: 'v.yaml' });
    assert.deepEqual(stream.documents[0]?.value, { a: true, b: 493, base: { x: 1 }, c: { x: 1, z: 2 } });
  });

  it('locates sequence items and fields inside them', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      image: x\n    - name: b\n      securityContext:\n        privileged: true\n';
    const doc = parseYamlStream(text, { file: 'p.yaml' }).documents[0];
    assert.deepEqual(doc?.locate(['spec', 'containers', 1, 'securityContext', 'privileged']), { line: 7, column: 9, exact: true });
  });

  it('parses JSON with positions for errors', () => {
    const stream = parseYamlStream('{\n  "kind": "Pod",\n  "x": }\n', { file: 'p.json', json: true });
    assert.equal(stream.errors.length, 1);
    assert.equal(stream.errors[0]?.code, 'input.json');
    assert.equal(stream.errors[0]?.line, 3);
  });
});
