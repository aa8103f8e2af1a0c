import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BosunError } from '../../kernel/index.js';
import { decodeManifest } from './manifest.js';

const D = `sha256:${'b'.repeat(64)}`;
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const image = { schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D, size: 2 }, layers: [{ digest: D, size: 3 }] };

describe('decodeManifest', () => {
  it('tells images from indexes by mediaType, then Content-Type, then shape', () => {
    assert.equal(decodeManifest(bytes(image), 'application/vnd.oci.image.manifest.v1+json', 'm').kind, 'image');
    assert.equal(decodeManifest(bytes(image), undefined, 'm').mediaType, 'application/vnd.oci.image.manifest.v1+json');
    const list = decodeManifest(bytes({ schemaVersion: 2, manifests: [{ digest: D, size: 1 }] }), 'application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8', 'm');
    assert.deepEqual([list.kind, list.mediaType], ['index', 'application/vnd.docker.distribution.manifest.list.v2+json']);
    const docker = decodeManifest(bytes({ ...image, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' }), 'application/json', 'm');
    assert.deepEqual([docker.kind, docker.mediaType], ['image', 'application/vnd.docker.distribution.manifest.v2+json']);
  });

  for (const [name, body, type, pattern, code] of [
    ['not JSON', Buffer.from('{'), undefined, /m is not valid JSON/, 'input.json'],
    ['an array', bytes([]), undefined, /not a JSON object/, 'input.json'],
    ['schema 1 by header', bytes({}), 'application/vnd.docker.distribution.manifest.v1+prettyjws', /schema 1/, 'input.read'],
    ['schema 1 by body', bytes({ schemaVersion: 1 }), 'application/json', /schema 1/, 'input.read'],
    ['an artifact', bytes({ schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart.v1+json' }), undefined, /not an image manifest or index/, 'input.read'],
    ['missing layers', bytes({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: image.config }), undefined, /not a valid image manifest at layers/, 'input.json'],
    ['a malformed digest', bytes({ ...image, layers: [{ digest: 'sha256:xyz' }] }), undefined, /malformed digest "sha256:xyz"/, 'input.read'],
  ] as const) {
    it(`rejects ${name}`, () => {
      assert.throws(() => decodeManifest(body, type, 'm'), (e: unknown) => e instanceof BosunError && e.code === code && pattern.test(e.message));
    });
  }
});
