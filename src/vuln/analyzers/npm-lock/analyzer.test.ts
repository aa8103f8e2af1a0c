import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader, Package } from '../../inventory/index.js';
import { npmLock } from './analyzer.js';

const noFiles: FileReader = { readText: async () => undefined };
const brief = (p: Package): string => `${p.name}@${p.version} [${p.depGroups.join(',')}]${p.commit !== undefined ? ` #${p.commit}` : ''}`;

describe('npm-lock', () => {
  it('matches package-lock.json and npm-shrinkwrap.json outside node_modules', () => {
    assert.ok(npmLock.matches('package-lock.json'));
    assert.ok(npmLock.matches('app/npm-shrinkwrap.json'));
    assert.ok(!npmLock.matches('node_modules/x/npm-shrinkwrap.json'));
    assert.ok(!npmLock.matches('node_modules/.package-lock.json'));
    assert.ok(!npmLock.matches('package.json'));
  });

  it('v2: skips the root and links, names workspace and aliased folders, merges copies', async () => {
    const content = `{
  "lockfileVersion": 3,
  "packages": {
    "": { "name": "root", "workspaces": ["packages/*"] },
    "node_modules/ws-a": { "resolved": "packages/a", "link": true },
    "packages/a": { "name": "ws-a", "version": "0.1.0" },
    "node_modules/@s/x": { "version": "1.0.0", "dev": true },
    "node_modules/q/node_modules/@s/x": { "version": "1.0.0", "devOptional": true },
    "node_modules/alias": { "name": "real", "version": "2.0.0", "optional": true },
    "node_modules/b": { "version": "3.0.0", "inBundle": true, "dev": true }
  }
}`;
    const out = await npmLock.analyze({ path: 'package-lock.json', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief).sort(), ['@s/x@1.0.0 [dev,optional]', 'b@3.0.0 [bundled,dev]', 'real@2.0.0 [optional]', 'ws-a@0.1.0 []']);
    const x = out.packages.find((p) => p.name === '@s/x');
    assert.deepEqual(x?.locations, [{ path: 'package-lock.json', line: 7 }, { path: 'package-lock.json', line: 8 }]);
    assert.equal(x?.purl, 'pkg:npm/%40s/x@1.0.0');
  });

  it('v1: nested dependencies, aliases, file: and git versions', async () => {
    const content = JSON.stringify(
      {
        lockfileVersion: 1,
        dependencies: {
          a: { version: '1.0.0', dependencies: { b: { version: '2.0.0', dev: true } } },
          c: { version: 'npm:@scope/real@3.0.0' },
          d: { version: 'npm:@scope/bare' },
          e: { version: 'file:../e' },
          f: { version: 'github:org/f#af885e2e890b9ef0875edd2b117305119ee5bdc5', bundled: true },
        },
      },
      null,
      2,
    );
    const out = await npmLock.analyze({ path: 'package-lock.json', content, files: noFiles });
    assert.deepEqual(out.errors, []);
    assert.deepEqual(out.packages.map(brief).sort(), [
      '@scope/bare@ []',
      '@scope/real@3.0.0 []',
      'a@1.0.0 []',
      'b@2.0.0 [dev]',
      'e@ []',
      'f@ [bundled] #af885e2e890b9ef0875edd2b117305119ee5bdc5',
    ]);
  });

  it('reports an odd entry on its line and still reads the others', async () => {
    const content = '{\n  "lockfileVersion": 2,\n  "packages": {\n    "node_modules/a": { "version": 1 },\n    "node_modules/b": { "version": "1.0.0" }\n  }\n}';
    const out = await npmLock.analyze({ path: 'x/package-lock.json', content, files: noFiles });
    assert.deepEqual(out.packages.map(brief), ['b@1.0.0 []']);
    assert.equal(out.errors.length, 1);
    assert.equal(out.errors[0]?.path, 'x/package-lock.json');
    assert.equal(out.errors[0]?.line, 4);
    assert.match(out.errors[0]?.message ?? '', /node_modules\/a.*version/);
  });

  it('reports malformed JSON and a non-object document as errors with a line', async () => {
    for (const content of ['{\n  "packages": {\n', 'null', '[]']) {
      const out = await npmLock.analyze({ path: 'package-lock.json', content, files: noFiles });
      assert.equal(out.packages.length, 0);
      assert.equal(out.errors.length, 1, content);
      assert.equal(out.errors[0]?.path, 'package-lock.json');
      assert.ok((out.errors[0]?.line ?? 0) >= 1);
    }
  });

  it('yields nothing from a package-lock.json that has an npm-shrinkwrap.json beside it', async () => {
    const content = '{"lockfileVersion": 2, "packages": {"node_modules/a": {"version": "1.0.0"}}}';
    const asked: string[] = [];
    const files: FileReader = {
      readText: async (p) => {
        asked.push(p);
        return p === 'app/npm-shrinkwrap.json' ? content : undefined;
      },
    };
    assert.deepEqual(await npmLock.analyze({ path: 'app/package-lock.json', content, files }), { packages: [], errors: [] });
    assert.deepEqual(asked, ['app/npm-shrinkwrap.json']);
    assert.equal((await npmLock.analyze({ path: 'app/npm-shrinkwrap.json', content, files })).packages.length, 1);
    assert.equal((await npmLock.analyze({ path: 'other/package-lock.json', content, files })).packages.length, 1);
  });
});
