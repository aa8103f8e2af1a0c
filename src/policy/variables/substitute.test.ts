import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryResource } from '../../k8s/index.js';
import { buildContext, loadContextEntries, setDotted } from './context.js';
import { parseImage } from './images.js';
import { substitute, VariableError } from './substitute.js';

const data = {
  request: { object: { metadata: { name: 'web', labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
  element: { name: 'a' },
};

describe('substitute', () => {
  it('keeps the type of a whole-string variable and interpolates inside text', () => {
    assert.deepEqual(substitute('{{ request.object.spec.containers[].name }}', data), ['a']);
    assert.equal(substitute('name={{request.object.metadata.name}}!', data), 'name=web!');
  });

  it('resolves inner variables first', () => {
    assert.equal(substitute("{{ request.object.spec.containers[?name == '{{element.name}}'] | length(@) }}", data), 1);
  });

  it('leaves escaped variables alone', () => {
    assert.equal(substitute('\\{{ not.a.var }}', data), '{{ not.a.var }}');
  });

  it('an unresolvable variable is a VariableError, with the expression in the message', () => {
    assert.throws(() => substitute('{{ request.object.metadata.annotations.owner }}', data), (e: unknown) => e instanceof VariableError && /annotations\.owner/.test(e.message));
    assert.equal(substitute('{{ request.object.metadata.annotations.owner }}', data, 'empty'), '');
  });

  it('supports Kyverno functions', () => {
    assert.equal(substitute("{{ to_upper('abc') }}", data), 'ABC');
    assert.deepEqual(substitute("{{ split('a,b', ',') }}", data), ['a', 'b']);
    assert.equal(substitute("{{ regex_match('^ng', 'nginx') }}", data), true);
    assert.equal(substitute("{{ divide('2Gi', '1Gi') }}", data), 2);
    assert.equal(substitute("{{ base64_decode('aGk=') }}", data), 'hi');
    assert.equal(substitute("{{ label_match(`{\"app\":\"x\"}`, request.object.metadata.labels) }}", data), true);
  });
});

describe('context', () => {
  it('builds request variables, serviceAccountName and images', () => {
    const pod = inMemoryResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [{ name: 'c', image: 'ghcr.io/o/app:1.0' }] } });
    const ctx = buildContext(pod, { operation: 'CREATE', userInfo: { username: 'system:serviceaccount:ns:builder' }, roles: [], clusterRoles: [] });
    assert.equal(ctx['serviceAccountName'], 'builder');
    assert.equal(substitute('{{ images.containers.c.registry }}', ctx), 'ghcr.io');
    assert.equal(substitute('{{ request.namespace }}', ctx), 'ns');
  });

  it('values and variable context entries', () => {
    const ctx: Record<string, unknown> = { request: { object: { metadata: { name: 'a' } } } };
    setDotted(ctx, { 'request.object.metadata.name': 'b', 'cm.data.x': '1' });
    loadContextEntries([{ name: 'n', variable: { jmesPath: 'request.object.metadata.name' } }, { name: 'd', variable: { jmesPath: 'missing.path', default: 'fallback' } }], ctx);
    assert.equal(ctx['n'], 'b');
    assert.equal(ctx['d'], 'fallback');
    assert.equal(substitute('{{ cm.data.x }}', ctx), '1');
  });

  it('parses image references with Docker defaults', () => {
    assert.deepEqual(parseImage('nginx'), { registry: 'docker.io', name: 'nginx', path: 'library/nginx', tag: 'latest', digest: '', reference: 'docker.io/library/nginx:latest', referenceWithTag: 'docker.io/library/nginx:latest' });
    assert.equal(parseImage('localhost:5000/a/b@sha256:00').digest, 'sha256:00');
  });
});
