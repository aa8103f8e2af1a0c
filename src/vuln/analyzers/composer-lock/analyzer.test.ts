import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { composerLock } from './index.js';

const none: FileReader = { readText: async () => undefined };

describe('composer-lock', () => {
  it('lower-cases the purl and keeps only hash references as commits', async () => {
    const content = JSON.stringify(
      {
        packages: [{ name: 'Vendor/Pkg', version: 'v1.2.0', source: { reference: 'v1.2.0' }, dist: { reference: null } }],
        'packages-dev': [{ name: 'a/b', version: '2.0.0', dist: { reference: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' } }],
      },
      null,
      2,
    );
    const out = await composerLock.analyze({ path: 'composer.lock', content, files: none });
    assert.deepEqual(out.errors, []);
    assert.equal(out.packages[0]?.purl, 'pkg:composer/vendor/pkg@v1.2.0');
    assert.equal(out.packages[0]?.commit, undefined);
    assert.deepEqual(out.packages[1]?.depGroups, ['dev']);
    assert.equal(out.packages[1]?.commit, 'ABCDEF0123456789ABCDEF0123456789ABCDEF01');
  });

  it('reports malformed JSON and unexpected shapes with a line', async () => {
    const bad = await composerLock.analyze({ path: 'composer.lock', content: '{\n  "packages": [\n    {"name": }\n  ]\n}', files: none });
    assert.equal(bad.errors[0]?.line, 3);
    const shape = await composerLock.analyze({ path: 'composer.lock', content: '{\n  "packages": [\n    {"name": "a/b"}\n  ]\n}', files: none });
    assert.equal(shape.errors.length, 1);
    assert.match(shape.errors[0]?.message ?? '', /packages\[0\]\.version/);
    assert.equal(shape.errors[0]?.line, 3);
  });
});
