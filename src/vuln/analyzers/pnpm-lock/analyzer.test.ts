import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader, Package } from '../../inventory/index.js';
import { pnpmLock } from './analyzer.js';

const noFiles: FileReader = { readText: async () => undefined };
const brief = (p: Package): string => `${p.name}@${p.version}:${p.locations[0]?.line ?? ''} [${p.depGroups.join(',')}]`;

describe('pnpm-lock', () => {
  it('matches pnpm-lock.yaml outside node_modules', () => {
    assert.ok(pnpmLock.matches('pnpm-lock.yaml'));
    assert.ok(pnpmLock.matches('a/b/pnpm-lock.yaml'));
    assert.ok(!pnpmLock.matches('node_modules/.pnpm/pnpm-lock.yaml'));
  });

  it('lockfile 5/6: dev and optional groups, name/version fields win over the path', async () => {
    const content = [
      "lockfileVersion: '6.0'",
      '',
      'packages:',
      '',
      '  /a@1.0.0(b@2.0.0):',
      '    dev: true',
      '',
      '  /fsevents@2.3.2:',
      '    optional: true',
      '    dev: false',
      '',
      '  github.com/org/c/98e8ff1da1a89f93d1397a24d7413ed15421c139:',
      '    resolution: {tarball: https://codeload.github.com/org/c/tar.gz/98e8ff1da1a89f93d1397a24d7413ed15421c139}',
      '    name: c',
      '    version: 1.10',
      '',
    ].join('\n');
    const out = await pnpmLock.analyze({ path: 'pnpm-lock.yaml', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief), ['a@1.0.0:5 [dev]', 'fsevents@2.3.2:8 [optional]', 'c@1.10:12 []']);
    assert.equal(out.packages[2]?.commit, '98e8ff1da1a89f93d1397a24d7413ed15421c139');
  });

  it('reports an invalid dependency path on its line and keeps the other packages', async () => {
    const content = 'lockfileVersion: 5.3\npackages:\n  /a/1.0.0:\n    dev: false\n  nonsense:\n    dev: false\n';
    const out = await pnpmLock.analyze({ path: 'pnpm-lock.yaml', content, files: noFiles });
    assert.deepEqual(out.packages.map(brief), ['a@1.0.0:3 []']);
    assert.deepEqual(out.errors, [{ path: 'pnpm-lock.yaml', line: 5, message: 'invalid dependency path: nonsense' }]);
  });

  it('reads every YAML document (pnpm 10 puts its own config dependencies first)', async () => {
    const content = "---\nlockfileVersion: '9.0'\npackages:\n  pnpm@10.0.0: {}\n---\nlockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n";
    const out = await pnpmLock.analyze({ path: 'pnpm-lock.yaml', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief), ['pnpm@10.0.0:4 []', 'a@1.0.0:8 []']);
  });

  it('reports malformed YAML and a non-mapping document with a line', async () => {
    for (const content of ['packages:\n  /a/1.0.0: {dev: [\n', 'just text']) {
      const out = await pnpmLock.analyze({ path: 'pnpm-lock.yaml', content, files: noFiles });
      assert.equal(out.packages.length, 0);
      assert.equal(out.errors.length, 1);
      assert.equal(out.errors[0]?.path, 'pnpm-lock.yaml');
      assert.ok((out.errors[0]?.line ?? 0) >= 1);
    }
  });
});
