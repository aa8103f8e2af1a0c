import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { pythonPipfile } from './index.js';

const none: FileReader = { readText: async () => undefined };

describe('python-pipfile', () => {
  it('keeps a package locked in both sections at one version as production, and skips VCS entries', async () => {
    const content = JSON.stringify({
      default: { Django: { version: '==4.2.1' }, mylib: { git: 'https://example.com/mylib.git', ref: 'abc' } },
      develop: { django: { version: '==4.2.1' }, pytest: { version: '==8.0.0' } },
    });
    const out = await pythonPipfile.analyze({ path: 'Pipfile.lock', content, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.version, p.depGroups, p.purl]),
      [
        ['Django', '4.2.1', [], 'pkg:pypi/django@4.2.1'],
        ['pytest', '8.0.0', ['dev'], 'pkg:pypi/pytest@8.0.0'],
      ],
    );
  });

  it('treats an empty file as empty and reports versions that are not pins', async () => {
    assert.deepEqual(await pythonPipfile.analyze({ path: 'Pipfile.lock', content: '\n', files: none }), { packages: [], errors: [] });
    const out = await pythonPipfile.analyze({ path: 'Pipfile.lock', content: '{\n "default": {\n  "a": {"version": ">=1"}\n }\n}', files: none });
    assert.equal(out.errors[0]?.line, 3);
  });
});
