import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { pythonPoetry } from './index.js';

const none: FileReader = { readText: async () => undefined };

describe('python-poetry', () => {
  it('maps lock-version 1.x categories and 2.x groups', async () => {
    const content = [
      '[[package]]',
      'name = "pytest"',
      'version = "8.0.0"',
      'category = "dev"',
      '',
      '[[package]]',
      'name = "requests"',
      'version = "2.31.0"',
      'groups = ["main", "dev"]',
    ].join('\n');
    const out = await pythonPoetry.analyze({ path: 'poetry.lock', content, files: none });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.packages.map((p) => [p.name, p.depGroups, p.locations[0]?.line]),
      [
        ['pytest', ['dev'], 2],
        ['requests', [], 7],
      ],
    );
  });

  it('reports garbage with a line', async () => {
    const out = await pythonPoetry.analyze({ path: 'poetry.lock', content: '[[package]]\nname = \n', files: none });
    assert.equal(out.packages.length, 0);
    assert.equal(out.errors[0]?.line, 2);
  });
});
