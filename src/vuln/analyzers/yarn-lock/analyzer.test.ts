import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader, Package } from '../../inventory/index.js';
import { yarnLock } from './analyzer.js';

const noFiles: FileReader = { readText: async () => undefined };
const brief = (p: Package): string => `${p.name}@${p.version}:${p.locations[0]?.line ?? ''}${p.commit !== undefined ? ` #${p.commit}` : ''}`;

describe('yarn-lock', () => {
  it('matches yarn.lock outside node_modules', () => {
    assert.ok(yarnLock.matches('yarn.lock'));
    assert.ok(yarnLock.matches('web/yarn.lock'));
    assert.ok(!yarnLock.matches('node_modules/x/yarn.lock'));
  });

  it('v1: quoted and bare headers, aliases, git commits, nested maps', async () => {
    const content = [
      '# yarn lockfile v1',
      '',
      '"@s/a@^1.0.0", "@s/a@^1.1.0":',
      '  version "1.2.0"',
      '  dependencies:',
      '    b "^2"',
      '',
      'alias@npm:real@^3:',
      '  "version" "3.0.1"',
      '',
      '"g@github:org/g#main":',
      '  version "0.1.0"',
      '  resolved "https://codeload.github.com/org/g/tar.gz/98e8ff1da1a89f93d1397a24d7413ed15421c139"',
      '',
    ].join('\r\n');
    const out = await yarnLock.analyze({ path: 'yarn.lock', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief), ['@s/a@1.2.0:3', 'real@3.0.1:8', 'g@0.1.0:11 #98e8ff1da1a89f93d1397a24d7413ed15421c139']);
  });

  it('v1: a block without a version is reported and still listed', async () => {
    const out = await yarnLock.analyze({ path: 'yarn.lock', content: 'a@^1:\n  resolved "x"\n', files: noFiles });
    assert.deepEqual(out.packages.map(brief), ['a@:1']);
    assert.deepEqual(out.errors.map((e) => [e.path, e.line]), [['yarn.lock', 1]]);
  });

  it('v1: a structural error is reported with its line', async () => {
    for (const [content, line] of [
      ['  version "1"\n', 1],
      ['a@^1:\n  version "1"\nb@^2\n', 3],
      ['"a@^1:\n', 1],
    ] as const) {
      const out = await yarnLock.analyze({ path: 'yarn.lock', content, files: noFiles });
      assert.equal(out.packages.length, 0);
      assert.deepEqual(out.errors.map((e) => [e.path, e.line]), [['yarn.lock', line]], content);
    }
  });

  it('berry: drops the root workspace, keeps other workspaces, reads commits from resolutions', async () => {
    const content = [
      '__metadata:',
      '  version: 8',
      '',
      '"root@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "root@workspace:."',
      '',
      '"ws@workspace:packages/ws":',
      '  version: 0.0.0-use.local',
      '  resolution: "ws@workspace:packages/ws"',
      '',
      '"alias@npm:@s/real@^1.10":',
      '  version: 1.10',
      '  resolution: "@s/real@npm:1.10"',
      '',
      '"g@https://github.com/org/g.git#main":',
      '  version: 2.0.0',
      '  resolution: "g@https://github.com/org/g.git#commit=af885e2e890b9ef0875edd2b117305119ee5bdc5"',
      '',
    ].join('\n');
    const out = await yarnLock.analyze({ path: 'yarn.lock', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief), ['ws@0.0.0-use.local:8', '@s/real@1.10:12', 'g@2.0.0:16 #af885e2e890b9ef0875edd2b117305119ee5bdc5']);
  });

  it('berry: malformed YAML and odd entries are errors with a line', async () => {
    const broken = await yarnLock.analyze({ path: 'yarn.lock', content: '__metadata:\n  version: 8\n"a@npm:1":\n  version: [1\n', files: noFiles });
    assert.equal(broken.packages.length, 0);
    assert.equal(broken.errors[0]?.path, 'yarn.lock');
    assert.ok((broken.errors[0]?.line ?? 0) >= 4);
    const odd = await yarnLock.analyze({ path: 'yarn.lock', content: '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: [1]\n\n"b@npm:2":\n  version: 2.0.0\n', files: noFiles });
    assert.deepEqual(odd.packages.map(brief), ['b@2.0.0:7']);
    assert.deepEqual(odd.errors.map((e) => e.line), [4]);
  });
});
