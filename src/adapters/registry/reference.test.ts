import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { manifestReference, parseImageReference } from './reference.js';

const HEX = 'a'.repeat(64);

describe('parseImageReference', () => {
  it('applies Docker Hub normalisation', () => {
    assert.deepEqual(parseImageReference('alpine'), {
      registry: 'docker.io', endpoint: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest', canonical: 'docker.io/library/alpine:latest',
    });
    assert.equal(parseImageReference('bitnami/redis:7').canonical, 'docker.io/bitnami/redis:7');
    assert.equal(parseImageReference('docker.io/alpine').repository, 'library/alpine');
    assert.equal(parseImageReference('index.docker.io/library/alpine:3').canonical, 'docker.io/library/alpine:3');
    assert.equal(parseImageReference('registry-1.docker.io/x/y').endpoint, 'registry-1.docker.io');
  });

  it('recognises registries by a dot, a port or localhost', () => {
    const ghcr = parseImageReference('ghcr.io/org/team/app:v1.2');
    assert.equal(ghcr.registry, 'ghcr.io');
    assert.equal(ghcr.endpoint, 'ghcr.io');
    assert.equal(ghcr.repository, 'org/team/app');
    assert.equal(ghcr.tag, 'v1.2');
    const port = parseImageReference('myhost:5000/app');
    assert.equal(port.registry, 'myhost:5000');
    assert.equal(port.tag, 'latest');
    assert.equal(parseImageReference('localhost/app').registry, 'localhost');
    assert.equal(parseImageReference('127.0.0.1:5000/x/y:t').endpoint, '127.0.0.1:5000');
    assert.equal(parseImageReference('[::1]:5000/x').registry, '[::1]:5000');
    // without a dot, port or `localhost`, the first component is a Docker Hub namespace
    assert.equal(parseImageReference('myhost/app').canonical, 'docker.io/myhost/app:latest');
  });

  it('reads digests, alone or with a tag', () => {
    const pinned = parseImageReference(`alpine@sha256:${HEX}`);
    assert.equal(pinned.tag, undefined);
    assert.equal(pinned.digest, `sha256:${HEX}`);
    assert.equal(manifestReference(pinned), `sha256:${HEX}`);
    const both = parseImageReference(`localhost:5000/a/b:1.0@sha256:${HEX}`);
    assert.equal(both.tag, '1.0');
    assert.equal(manifestReference(both), `sha256:${HEX}`);
    assert.equal(both.canonical, `localhost:5000/a/b:1.0@sha256:${HEX}`);
    assert.equal(manifestReference(parseImageReference('a:b')), 'b');
  });

  for (const [input, why] of [
    ['', /empty/],
    ['https://ghcr.io/x', /URL scheme/],
    ['Alpine', /lowercase/],
    ['alpine:-x', /not a valid tag/],
    ['alpine@sha256:abc', /64 lowercase hex/],
    ['alpine@nodigest', /not a digest/],
    ['ghcr.io/', /missing|empty/],
    ['a//b', /empty path component/],
    ['a/b_-c', /not a valid repository path component/],
    [`x/${'a'.repeat(260)}`, /longer than 255/],
  ] as const) {
    it(`rejects ${JSON.stringify(input.slice(0, 30))} with a usage error`, () => {
      assert.throws(() => parseImageReference(input), (e: unknown) => e instanceof BosunError && e.code === 'usage' && why.test(e.message));
    });
  }
});
