import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOverlay, lookup, survivingFiles } from './overlay.js';
import type { DirNode } from './overlay.js';
import { overlayReader } from './overlay-reader.js';
import type { LayerEntry, LayerSelection } from './selection.js';

function file(path: string, text?: string): LayerEntry {
  const bytes = text === undefined ? undefined : new TextEncoder().encode(text);
  return { type: 'file', path, size: bytes?.length ?? 0, executable: false, ...(bytes !== undefined ? { content: bytes } : {}) };
}

function layer(digest: string, entries: LayerEntry[]): LayerSelection {
  return { digest, entries };
}

function paths(root: DirNode): string[] {
  return survivingFiles(root, () => true).map((f) => f.path);
}

describe('buildOverlay', () => {
  it('whiteouts remove a lower file and a lower subtree', () => {
    const root = buildOverlay([
      layer('L1', [file('a/x'), file('a/y'), file('b/dir/z'), file('b/keep')]),
      layer('L2', [{ type: 'whiteout', path: 'a/x' }, { type: 'whiteout', path: 'b/dir' }]),
    ]);
    assert.deepEqual(paths(root), ['a/y', 'b/keep']);
  });

  it('a whiteout does not hide an entry of its own layer, whatever the order', () => {
    const root = buildOverlay([layer('L1', [file('a/x', 'old')]), layer('L2', [file('a/x', 'new'), { type: 'whiteout', path: 'a/x' }])]);
    assert.deepEqual(paths(root), ['a/x']);
    const node = lookup(root, 'a/x', true);
    assert.ok(node?.kind === 'file' && node.layer === 'L2');
  });

  for (const order of ['marker first', 'marker last'] as const) {
    it(`an opaque directory hides lower contents but not its own layer's (${order})`, () => {
      const marker: LayerEntry = { type: 'opaque', path: 'd' };
      const own: LayerEntry[] = [file('d/new'), file('d/sub/also-new')];
      const root = buildOverlay([
        layer('L1', [file('d/old'), file('d/sub/old'), file('e/untouched')]),
        layer('L2', order === 'marker first' ? [marker, ...own] : [...own, marker]),
      ]);
      assert.deepEqual(paths(root), ['d/new', 'd/sub/also-new', 'e/untouched']);
    });
  }

  it('a file replaces a lower directory, and a directory replaces a lower file', () => {
    const root = buildOverlay([
      layer('L1', [file('x/inside'), file('y')]),
      layer('L2', [file('x'), { type: 'dir', path: 'y' }, file('y/z')]),
    ]);
    assert.deepEqual(paths(root), ['x', 'y/z']);
  });

  it('devices and other entries shadow lower files', () => {
    const root = buildOverlay([layer('L1', [file('dev/thing')]), layer('L2', [{ type: 'other', path: 'dev/thing' }])]);
    assert.deepEqual(paths(root), []);
  });

  it('a hard link to a lower layer file is that file, attributed to the link layer', async () => {
    const root = buildOverlay([layer('L1', [file('lib/real', 'bytes')]), layer('L2', [{ type: 'hardlink', path: 'lib/alias', target: 'lib/real' }])]);
    assert.equal(await overlayReader(root).readText('lib/alias'), 'bytes');
    assert.equal(lookup(root, 'lib/alias', true)?.layer, 'L2');
  });

  it('files written under a symlinked parent land in its target', () => {
    const root = buildOverlay([
      layer('L1', [{ type: 'dir', path: 'usr/lib' }, { type: 'symlink', path: 'lib', target: 'usr/lib' }]),
      layer('L2', [file('lib/libx.so', 'elf')]),
    ]);
    assert.deepEqual(paths(root), ['usr/lib/libx.so']);
  });
});

describe('overlayReader', () => {
  const root = buildOverlay([
    layer('L1', [
      file('usr/lib/os-release', 'ID=debian\n'),
      file('etc/passwd', 'image passwd'),
      { type: 'symlink', path: 'etc/os-release', target: '../usr/lib/os-release' },
      { type: 'symlink', path: 'etc/abs', target: '/usr/lib/os-release' },
      { type: 'symlink', path: 'etc/escape', target: '../../../../../etc/passwd' },
      { type: 'symlink', path: 'etc/abs-escape', target: '/../../etc/passwd' },
      { type: 'symlink', path: 'loop/a', target: 'b' },
      { type: 'symlink', path: 'loop/b', target: 'a' },
      { type: 'symlink', path: 'usrlib', target: 'usr/lib' },
    ]),
  ]);
  const files = overlayReader(root);

  it('follows relative and absolute symlinks inside the image', async () => {
    assert.equal(await files.readText('etc/os-release'), 'ID=debian\n');
    assert.equal(await files.readText('etc/abs'), 'ID=debian\n');
    assert.equal(await files.readText('usrlib/os-release'), 'ID=debian\n');
  });

  it('resolves escaping symlinks inside the root, never on the host', async () => {
    assert.equal(await files.readText('etc/escape'), 'image passwd');
    assert.equal(await files.readText('etc/abs-escape'), 'image passwd');
  });

  it('gives up on loops, absolute and escaping paths, and files not kept', async () => {
    assert.equal(await files.readText('loop/a'), undefined);
    assert.equal(await files.readText('/etc/passwd'), undefined);
    assert.equal(await files.readText('../etc/passwd'), undefined);
    assert.equal(await files.readText('etc/missing'), undefined);
    assert.equal(await files.readText('etc'), undefined);
  });
});
