import assert from 'node:assert/strict';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveInRoot, rootedReader, scanRootfs } from './scan-rootfs.js';
import type { FileAnalyzer } from './types.js';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-rootfs-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** Records every path offered and returns one package per matching file. */
function recorder(seen: string[]): FileAnalyzer {
  return {
    id: 'recorder',
    version: 1,
    matches: (path) => {
      seen.push(path);
      return path.endsWith('.lst');
    },
    analyze: async ({ path, content }) => ({
      packages: [{ name: content.trim(), version: '1', ecosystem: 'npm', purl: `pkg:npm/${content.trim()}@1`, depGroups: [], locations: [{ path }] }],
      errors: [],
    }),
  };
}

describe('scanRootfs', () => {
  it('walks regular files, skips proc/sys/dev and symlinks, and detects the OS through an absolute symlink', async () => {
    const root = await tree({ 'usr/lib/os-release': 'ID=alpine\nVERSION_ID=3.20.0\n', 'a/x.lst': 'x', 'proc/1/y.lst': 'y', 'b/c/z.lst': 'z' });
    await mkdir(join(root, 'etc'));
    await symlink('/usr/lib/os-release', join(root, 'etc/os-release'));
    await symlink('/', join(root, 'hostroot'));
    const seen: string[] = [];
    const out = await scanRootfs({ root, analyzers: [recorder(seen)] });
    assert.deepEqual(seen, ['a/x.lst', 'b/c/z.lst', 'usr/lib/os-release']);
    assert.deepEqual(out.packages.map((p) => p.name), ['x', 'z']);
    assert.equal(out.os?.family, 'alpine');
    assert.equal(out.os?.versionId, '3.20.0');
    assert.deepEqual(out.errors, []);
  });

  it('reports an analyzer that throws, a file over the size limit and a walk cut short', async () => {
    const root = await tree({ 'a.lst': 'a', 'b.lst': 'bbbbbbbbbbbbbbbbbbbb', 'c.lst': 'c' });
    const throwing: FileAnalyzer = { id: 'boom', version: 1, matches: (p) => p === 'a.lst', analyze: async () => Promise.reject(new Error('kaput')) };
    const out = await scanRootfs({ root, analyzers: [recorder([]), throwing], maxFileSize: 10, maxFiles: 2 });
    assert.deepEqual(out.packages.map((p) => p.name), ['a']);
    assert.deepEqual(out.errors.map((e) => e.path), ['.', 'a.lst', 'b.lst']);
    assert.match(out.errors[1]?.message ?? '', /analyzer boom failed: kaput/);
    assert.equal(out.os, null);
  });
});

describe('rootedReader', () => {
  it('refuses paths that escape the root and resolves symlinks inside it', async () => {
    const root = await tree({ 'etc/passwd': 'inside', 'usr/share/file': 'shared' });
    await symlink('../../../../../../etc/passwd', join(root, 'usr/up'));
    await symlink('/usr/share', join(root, 'share'));
    const files = rootedReader(root, 1024);
    assert.equal(await files.readText('../etc/passwd'), undefined);
    assert.equal(await files.readText('/etc/passwd'), undefined);
    assert.equal(await files.readText('usr/up'), 'inside');
    assert.equal(await files.readText('share/file'), 'shared');
    assert.deepEqual(await files.readBytes('share/file'), new TextEncoder().encode('shared'));
    assert.equal(await files.readText('missing'), undefined);
    assert.equal(await resolveInRoot(root, 'a/../../x'), undefined);
  });

  it('stops on symlink loops', async () => {
    const root = await tree({});
    await symlink('loop-b', join(root, 'loop-a'));
    await symlink('loop-a', join(root, 'loop-b'));
    assert.equal(await rootedReader(root, 1024).readText('loop-a'), undefined);
  });
});
