import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { npmInstalled } from './analyzer.js';

const noFiles: FileReader = { readText: async () => undefined };

describe('npm-installed', () => {
  it('matches the package.json of each installed package folder, at any depth', () => {
    for (const path of ['node_modules/a/package.json', 'app/node_modules/@s/b/package.json', 'node_modules/a/node_modules/c/package.json']) {
      assert.ok(npmInstalled.matches(path), path);
    }
    for (const path of [
      'package.json',
      'packages/a/package.json',
      'node_modules/a/dist/esm/package.json',
      'node_modules/.pnpm/a@1.0.0/package.json',
      'node_modules/.bin/package.json',
      'node_modules/@s/package.json',
      'node_modules/package.json',
    ]) {
      assert.ok(!npmInstalled.matches(path), path);
    }
  });

  it('reads the name and version', async () => {
    const out = await npmInstalled.analyze({
      path: 'node_modules/@s/b/package.json',
      content: '{\n  "name": "@s/b",\n  "version": "1.2.3",\n  "private": false\n}\n',
      files: noFiles,
    });
    assert.deepEqual(out, {
      packages: [
        { name: '@s/b', version: '1.2.3', ecosystem: 'npm', purl: 'pkg:npm/%40s/b@1.2.3', depGroups: [], locations: [{ path: 'node_modules/@s/b/package.json', line: 2 }] },
      ],
      errors: [],
    });
  });

  it('reports a manifest without a version, or malformed, as an error', async () => {
    for (const content of ['{"name": "a"}', '{"name": "a", "version": 1}', '{"name": ', '']) {
      const out = await npmInstalled.analyze({ path: 'node_modules/a/package.json', content, files: noFiles });
      assert.equal(out.packages.length, 0, content);
      assert.equal(out.errors.length, 1, content);
      assert.equal(out.errors[0]?.path, 'node_modules/a/package.json');
    }
  });
});
