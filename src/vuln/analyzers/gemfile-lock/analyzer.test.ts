import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { gemfileLock } from './index.js';

const none: FileReader = { readText: async () => undefined };

describe('gemfile-lock', () => {
  it('reads PATH sections and keeps the platform in the purl only', async () => {
    const content = ['PATH', '  remote: .', '  specs:', '    mygem (0.1.0)', '', 'GEM', '  specs:', '    nokogiri (1.16.0-arm64-darwin)', ''].join('\n');
    const out = await gemfileLock.analyze({ path: 'Gemfile.lock', content, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.purl, p.locations[0]?.line]),
      [
        ['mygem', '0.1.0', 'pkg:gem/mygem@0.1.0', 4],
        ['nokogiri', '1.16.0', 'pkg:gem/nokogiri@1.16.0?platform=arm64-darwin', 8],
      ],
    );
  });

  it('reports specs before any section, bad spec lines and files that are no lockfile', async () => {
    const early = await gemfileLock.analyze({ path: 'Gemfile.lock', content: '    rack (2.0.0)\n', files: none });
    assert.equal(early.errors[0]?.line, 1);
    const spec = await gemfileLock.analyze({ path: 'Gemfile.lock', content: 'GEM\n  specs:\n    rack\n    thor (1.0)\n', files: none });
    assert.equal(spec.errors[0]?.line, 3);
    assert.deepEqual(spec.packages.map((p) => p.name), ['thor']);
    const garbage = await gemfileLock.analyze({ path: 'Gemfile.lock', content: 'this is not a lockfile\n', files: none });
    assert.equal(garbage.errors.length, 1);
  });
});
