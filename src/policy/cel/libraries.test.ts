import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryLookups } from '../lookups/index.js';
import { NO_LOOKUPS } from '../ports.js';
import { normaliseCel } from './environment.js';
import { libraryBindings } from './libraries.js';
import { runCelValidate } from './validate.js';
import type { CelInput } from './validate.js';

const lookups = createMemoryLookups({
  resources: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'regs', namespace: 'platform' }, data: { allowed: 'ghcr.io' } }],
  images: [{ image: 'nginx:1.25', config: { Env: ['GPU=1'], created: '2020-01-01T00:00:00Z' }, manifest: { annotations: { base: 'distroless' } } }],
});

function input(libs = libraryBindings(lookups, () => new Date('2026-01-01T00:00:00Z'))): CelInput {
  return { object: { spec: { containers: [{ name: 'a', image: 'docker.io/library/nginx:1.25' }] } }, oldObject: null, request: {}, namespaceObject: null, libraries: libs };
}

function check(expression: string, libs?: Record<string, unknown>): ReturnType<typeof runCelValidate> {
  return runCelValidate('r', { expressions: [{ expression, message: 'no' }] }, input(libs));
}

describe('Kyverno CEL libraries', () => {
  it('parses image references', () => {
    assert.equal(check("image('ghcr.io/org/app:v1').registry() == 'ghcr.io' && image('ghcr.io/org/app:v1').repository() == 'org/app' && image('ghcr.io/org/app:v1').tag() == 'v1'").status, 'pass');
    assert.equal(check("image('nginx@sha256:' + 'a'.repeat(64)).containsDigest()".replace("'a'.repeat(64)", `'${'a'.repeat(64)}'`)).status, 'pass');
    assert.equal(check("isImage('nginx:1') && !isImage('Not An Image')").status, 'pass');
  });

  it('answers image metadata for the same image written another way', () => {
    assert.equal(check("object.spec.containers.all(c, image.GetMetadata(c.image).config.Env.exists(e, e == 'GPU=1'))").status, 'pass');
    assert.equal(check("has(image.GetMetadata('nginx:1.25').manifest.annotations)").status, 'pass');
    assert.equal(check("has(image.GetMetadata('nginx:1.25').config.Volumes)").status, 'fail');
  });

  it('reads cluster objects through resource.Get and resource.List', () => {
    assert.equal(check("resource.Get('v1', 'configmaps', 'platform', 'regs').data.allowed == 'ghcr.io'").status, 'pass');
    assert.equal(check("size(resource.List('v1', 'configmaps', '').items) == 1").status, 'pass');
  });

  it('uses the injected clock for time.now()', () => {
    assert.equal(check("timestamp(image.GetMetadata('nginx:1.25').config.created) < time.now() - duration('24h')").status, 'pass');
  });

  it('reports an unresolved lookup as an error, not a failure', () => {
    const outcome = check("resource.Get('v1', 'configmaps', 'x', 'missing').data.a == 'b'");
    assert.equal(outcome.status, 'error');
    assert.match(outcome.message, /not found/);
    assert.equal(check("image.GetMetadata('busybox').config != null", libraryBindings(NO_LOOKUPS, () => new Date())).status, 'error');
    assert.equal(check("http.Get('https://example.com').ok", libraryBindings(NO_LOOKUPS, () => new Date())).status, 'error');
  });
});

describe('normaliseCel has()', () => {
  it('rewrites has() over a call into an optional select', () => {
    assert.equal(normaliseCel('has(f(x).a.b)'), '(f(x).a.?b.hasValue())');
    assert.equal(normaliseCel('has(object.spec.x) && "has(f().y)" != ""'), 'has(object.spec.x) && "has(f().y)" != ""');
  });
});
