import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BosunError } from '../../kernel/index.js';
import type { FileAnalyzer } from '../inventory/index.js';
import { createFileSelector } from './file-selector.js';
import { DEFAULT_LAYER_LIMITS } from './limits.js';
import type { LayerLimits } from './limits.js';
import { readLayer } from './read-layer.js';
import type { LayerSelection } from './selection.js';
import { buildTar, gzip, sha256 } from './testing/layer-tar.js';

/** Wants every `*.txt` as text and every executable `*.bin` as bytes (its first line becomes a package name). */
const TXT: FileAnalyzer = {
  id: 'txt',
  version: 1,
  matches: (path) => path.endsWith('.txt'),
  async analyze() {
    return { packages: [], errors: [] };
  },
};
const BIN: FileAnalyzer = {
  id: 'bin',
  version: 1,
  input: 'bytes',
  matches: (path, facts) => path.endsWith('.bin') && facts?.executable === true,
  async analyze({ path, bytes }) {
    const name = Buffer.from(bytes ?? new Uint8Array()).toString('utf8').split('\n')[0] ?? '';
    return { packages: [{ name, version: '1', ecosystem: 'Go', purl: `pkg:golang/${name}@1`, depGroups: [], locations: [{ path }] }], errors: [] };
  },
};

async function read(blob: Uint8Array, limits: Partial<LayerLimits> = {}, opens: { count: number } = { count: 0 }): Promise<LayerSelection> {
  return readLayer({
    digest: sha256(blob),
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    open: async () => {
      opens.count++;
      return Readable.from([Buffer.from(blob)]);
    },
    select: createFileSelector([TXT, BIN]),
    limits: { ...DEFAULT_LAYER_LIMITS, ...limits },
  });
}

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<BosunError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BosunError, `expected a BosunError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected an error matching ${pattern}`);
}

describe('readLayer', () => {
  it('classifies entries and keeps only selected content', async () => {
    const blob = gzip(
      await buildTar([
        { name: '/', type: 'directory' },
        { name: './notes/', type: 'directory' },
        { name: '/notes/a.txt', content: 'kept' },
        { name: 'notes/b.dat', content: 'not kept' },
        { name: 'notes/link', type: 'symlink', linkname: '/notes/a.txt' },
        { name: 'notes/.wh.old', content: '' },
        { name: 'cache/.wh..wh..opq', content: '' },
        { name: 'cache/.wh..wh.plnk', content: '' },
        { name: 'dev/null', type: 'character-device' },
        { name: 'dev/sda', type: 'block-device' },
        { name: 'run/pipe', type: 'fifo' },
        { name: 'usr/lib/os-release', content: 'ID=debian\n' },
      ]),
    );
    const { entries } = await read(blob);
    assert.deepEqual(
      entries.map((e) => [e.type, e.path]),
      [
        ['dir', 'notes'],
        ['file', 'notes/a.txt'],
        ['file', 'notes/b.dat'],
        ['symlink', 'notes/link'],
        ['whiteout', 'notes/old'],
        ['opaque', 'cache'],
        ['other', 'cache/.wh..wh.plnk'],
        ['other', 'dev/null'],
        ['other', 'dev/sda'],
        ['other', 'run/pipe'],
        ['file', 'usr/lib/os-release'],
      ],
    );
    const content = (path: string): string | undefined => {
      const entry = entries.find((e) => e.path === path);
      return entry?.type === 'file' && entry.content !== undefined ? Buffer.from(entry.content).toString() : undefined;
    };
    assert.equal(content('notes/a.txt'), 'kept');
    assert.equal(content('notes/b.dat'), undefined);
    assert.equal(content('usr/lib/os-release'), 'ID=debian\n', 'OS identification files are always kept');
  });

  it('runs bytes analyzers in-stream and keeps their output, not the file', async () => {
    const blob = await buildTar([
      { name: 'app/tool.bin', content: 'example.com/tool\n\u0000\u0001', mode: 0o755 },
      { name: 'app/data.bin', content: 'not executable', mode: 0o644 },
    ]);
    const { entries } = await read(blob);
    const tool = entries[0];
    assert.ok(tool?.type === 'file');
    assert.equal(tool.content, undefined);
    assert.equal(tool.analyzed?.[0]?.output.packages[0]?.name, 'example.com/tool');
    assert.ok(entries[1]?.type === 'file' && entries[1].analyzed === undefined);
  });

  it('gives a hard link its target content, reading the layer again when the target was not kept', async () => {
    const opens = { count: 0 };
    const blob = await buildTar([
      { name: 'a/kept.txt', content: 'same inode' },
      { name: 'a/plain.dat', content: 'only the link wants me' },
      { name: 'b/alias.txt', type: 'link', linkname: 'a/kept.txt' },
      { name: 'b/second.txt', type: 'link', linkname: './a/plain.dat' },
      { name: 'b/lower.txt', type: 'link', linkname: '/c/from-lower.txt' },
    ]);
    const { entries } = await read(blob, {}, opens);
    const text = (path: string): string | undefined => {
      const entry = entries.find((e) => e.path === path);
      return entry?.type === 'file' && entry.content !== undefined ? Buffer.from(entry.content).toString() : undefined;
    };
    assert.equal(text('b/alias.txt'), 'same inode');
    assert.equal(text('b/second.txt'), 'only the link wants me');
    assert.deepEqual(
      entries.find((e) => e.path === 'b/lower.txt'),
      { type: 'hardlink', path: 'b/lower.txt', target: 'c/from-lower.txt' },
    );
    assert.equal(opens.count, 2, 'one extra pass for the target that was not kept');
  });

  it('gives a hard-linked executable its target analysis, renamed, without a second pass', async () => {
    const opens = { count: 0 };
    const blob = await buildTar([
      { name: 'usr/bin/tool.bin', content: 'example.com/tool\n', mode: 0o755 },
      { name: 'usr/bin/alias.bin', type: 'link', linkname: 'usr/bin/tool.bin', mode: 0o755 },
    ]);
    const { entries } = await read(blob, {}, opens);
    const alias = entries.find((e) => e.path === 'usr/bin/alias.bin');
    assert.ok(alias?.type === 'file');
    assert.deepEqual(alias.analyzed?.[0]?.output.packages[0]?.locations, [{ path: 'usr/bin/alias.bin' }]);
    assert.equal(opens.count, 1);
  });

  it('marks wanted files over maxFileSize instead of reading them', async () => {
    const blob = await buildTar([{ name: 'big.txt', content: 'x'.repeat(2000) }]);
    const { entries } = await read(blob, { maxFileSize: 1000 });
    assert.deepEqual(entries[0], { type: 'file', path: 'big.txt', size: 2000, executable: false, tooLarge: true });
  });

  describe('hostile and broken layers', () => {
    it('refuses `..` entries, naming the layer and the entry', async () => {
      const blob = await buildTar([{ name: 'ok.txt', content: 'x' }, { name: 'a/../../etc/passwd', content: 'root::0:0' }]);
      const error = await rejectsWith(read(blob), /entry "a\/\.\.\/\.\.\/etc\/passwd".*leave the image root/);
      assert.ok(error.message.includes(sha256(blob)));
    });

    it('refuses hard links leaving the root', async () => {
      const blob = await buildTar([{ name: 'shadow.txt', type: 'link', linkname: '../../etc/shadow' }]);
      await rejectsWith(read(blob), /"\.\.\/\.\.\/etc\/shadow".*leave the image root/);
    });

    it('refuses NUL bytes in names', async () => {
      const blob = await buildTar([{ name: 'a', content: 'x', pax: { path: 'a\u0000b' } }]);
      await rejectsWith(read(blob), /NUL byte/);
    });

    it('stops a gzip bomb by compression ratio without buffering it', async () => {
      const blob = zeroBomb(256);
      assert.ok(blob.length < 1024 * 1024, `the bomb is small (${blob.length} bytes)`);
      const error = await rejectsWith(read(blob), /compression ratio limit/);
      assert.equal(error.code, 'input.too-large');
    });

    it('stops at maxLayerBytes', async () => {
      const blob = await buildTar([{ name: 'a.dat', content: Buffer.alloc(64 * 1024) }]);
      await rejectsWith(read(blob, { maxLayerBytes: 32 * 1024 }), /more than 32768 uncompressed bytes/);
    });

    it('stops at maxEntries', async () => {
      const blob = await buildTar([1, 2, 3, 4].map((i) => ({ name: `f${i}`, content: '' })));
      await rejectsWith(read(blob, { maxEntries: 3 }), /more than 3 entries/);
    });

    it('reports a truncated gzip stream', async () => {
      const full = gzipSync(await buildTar([{ name: 'a.txt', content: 'y'.repeat(50_000) }]), { level: 0 });
      await rejectsWith(read(full.subarray(0, Math.floor(full.length / 2))), /truncated gzip stream/);
    });

    it('reports a truncated tar', async () => {
      const full = await buildTar([{ name: 'a.txt', content: 'y'.repeat(5000) }]);
      await rejectsWith(read(full.subarray(0, 2048)), /truncated tar/);
    });

    it('reports bytes that are not a tar, plain or gzipped', async () => {
      const garbage = Buffer.from('this is not a tar archive, just some text. '.repeat(40));
      await rejectsWith(read(garbage), /not a tar archive/);
      await rejectsWith(read(gzip(garbage)), /not a tar archive/);
    });

    it('says zstd is not supported on Node 20', async () => {
      const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(100)]);
      await rejectsWith(read(zstd), /zstd-compressed layers are not supported on Node 20/);
    });
  });
});

/**
 * A tar holding one file of `mib` MiB of zeros, gzipped as many small members (gzip allows
 * concatenated members, RFC 1952 §2.2), so the test builds it in milliseconds.
 */
function zeroBomb(mib: number): Buffer {
  const header = Buffer.alloc(512);
  header.write('zeros', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${(mib * 1024 * 1024).toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\u000000', 257);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const megabyte = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  return Buffer.concat([gzipSync(header), ...Array.from({ length: mib }, () => megabyte), gzipSync(Buffer.alloc(1024))]);
}
