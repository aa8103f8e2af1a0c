import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FILE_ANALYZERS } from '../analyzers/registry.js';
import type { FileAnalyzer, Package } from '../inventory/index.js';
import { scanRootfs } from '../inventory/scan-rootfs.js';
import { inventoryImage } from './inventory-image.js';
import type { LayerProgress } from './inventory-image.js';
import { buildTar, gzip, memorySource } from './testing/layer-tar.js';
import type { TarEntrySpec } from './testing/layer-tar.js';

/** A stand-in for the Go-binary analyzer: executable `*.bin` files, read as bytes; the first line names the module. */
const BIN: FileAnalyzer = {
  id: 'test-bin',
  version: 1,
  input: 'bytes',
  matches: (path, facts) => path.endsWith('.bin') && facts?.executable === true,
  async analyze({ path, bytes }) {
    const name = Buffer.from(bytes ?? new Uint8Array()).toString('utf8').split('\n')[0] ?? '';
    return { packages: [{ name, version: 'v1.0.0', ecosystem: 'Go', purl: `pkg:golang/${name}@v1.0.0`, depGroups: [], locations: [{ path }] }], errors: [] };
  },
};
const ANALYZERS = [...FILE_ANALYZERS.values(), BIN];

const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n';

function stanza(name: string, version: string, status = 'install ok installed'): string {
  return `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nVersion: ${version}\nDescription: ${name}\n`;
}

const STATUS_V1 = [stanza('base-files', '12.4'), stanza('libc6', '2.36-9'), stanza('gone', '1.0', 'deinstall ok config-files')].join('\n');
const STATUS_V2 = [stanza('base-files', '12.4+deb12u5'), stanza('libc6', '2.36-9+deb12u4'), stanza('curl', '7.88.1-10+deb12u5'), stanza('gone', '1.0', 'deinstall ok config-files')].join('\n');

/** Bottom layer: absolute names with `/` first (as umoci writes), gzipped. */
const LOWER: TarEntrySpec[] = [
  { name: '/', type: 'directory' },
  { name: '/etc/', type: 'directory' },
  { name: '/etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
  { name: '/usr/lib/os-release', content: OS_RELEASE },
  { name: '/var/lib/dpkg/status', content: STATUS_V1 },
  { name: '/dev/console', type: 'character-device' },
  { name: '/old/Cargo.lock', content: 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.0"\n' },
  { name: '/srv/app/requirements.txt', content: 'flask==2.0.1\n' },
  { name: '/opt/tool.bin', content: 'example.com/tool\n\u0000ELF', mode: 0o755 },
  { name: '/opt/removed.bin', content: 'example.com/removed\n', mode: 0o755 },
];

/** Upper layer: `./` names, uncompressed; upgrades dpkg, whites out, makes srv opaque, hard-links. */
const UPPER: TarEntrySpec[] = [
  { name: './var/lib/dpkg/status', content: STATUS_V2 },
  { name: './old/.wh.Cargo.lock', content: '' },
  { name: './opt/.wh.removed.bin', content: '' },
  { name: './srv/app2/requirements.txt', type: 'link', linkname: './data/reqs.dat', size: 0 },
  { name: './srv/.wh..wh..opq', content: '' },
  { name: './bin/run.bin', type: 'link', linkname: 'opt/tool.bin' },
];
// A hard link's target precedes it in the tar; keep UPPER readable by adding it first.
UPPER.unshift({ name: './data/reqs.dat', content: 'six==1.16.0\n' });

/** The same root, unpacked by hand, for scanRootfs. */
async function unpack(root: string): Promise<void> {
  const put = async (path: string, content: string, mode = 0o644): Promise<void> => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
    await chmod(join(root, path), mode);
  };
  await put('usr/lib/os-release', OS_RELEASE);
  await put('var/lib/dpkg/status', STATUS_V2);
  await put('srv/app2/requirements.txt', 'six==1.16.0\n');
  await put('data/reqs.dat', 'six==1.16.0\n');
  await put('opt/tool.bin', 'example.com/tool\n\u0000ELF', 0o755);
  await put('bin/run.bin', 'example.com/tool\n\u0000ELF', 0o755);
  await mkdir(join(root, 'old'), { recursive: true });
  await mkdir(join(root, 'etc'), { recursive: true });
  await symlink('../usr/lib/os-release', join(root, 'etc/os-release'));
}

function withoutLayers(packages: Package[]): Package[] {
  return packages.map((p) => ({ ...p, locations: p.locations.map(({ layer: _layer, ...rest }) => rest) }));
}

describe('inventoryImage', () => {
  let unpacked = '';
  let blobs: Buffer[] = [];
  before(async () => {
    unpacked = await mkdtemp(join(tmpdir(), 'bosun-image-'));
    await unpack(unpacked);
    blobs = [gzip(await buildTar(LOWER)), await buildTar(UPPER)];
  });
  after(async () => {
    await rm(unpacked, { recursive: true, force: true });
  });

  for (const maxFileSize of [256 * 1024 * 1024, 20]) {
    it(`equals scanRootfs of the unpacked root (maxFileSize ${maxFileSize})`, async () => {
      const image = await inventoryImage({ source: memorySource(blobs), analyzers: ANALYZERS, limits: { maxFileSize } });
      const rootfs = await scanRootfs({ root: unpacked, analyzers: ANALYZERS, maxFileSize });
      assert.deepEqual(withoutLayers(image.packages), rootfs.packages);
      assert.deepEqual(image.errors, rootfs.errors);
      assert.deepEqual(image.os, rootfs.os);
    });
  }

  it('finds what the stacked layers hold, each package at the layer that wrote its file', async () => {
    const source = memorySource(blobs);
    const [lower, upper] = source.layers.map((l) => l.digest);
    const image = await inventoryImage({ source, analyzers: ANALYZERS });
    const found = image.packages.map((p) => `${p.name}@${p.version} ${p.locations.map((l) => `${l.path}#${l.layer === lower ? 'lower' : l.layer === upper ? 'upper' : '?'}`).join(',')}`);
    assert.deepEqual(found, [
      'example.com/tool@v1.0.0 bin/run.bin#upper',
      'example.com/tool@v1.0.0 opt/tool.bin#lower',
      'six@1.16.0 srv/app2/requirements.txt#upper',
      'base-files@12.4+deb12u5 var/lib/dpkg/status#upper',
      'libc6@2.36-9+deb12u4 var/lib/dpkg/status#upper',
      'curl@7.88.1-10+deb12u5 var/lib/dpkg/status#upper',
    ]);
    assert.equal(image.os?.versionId, '12');
    assert.equal(image.image.name, 'test/image:latest');
    assert.deepEqual(image.image.layers, source.layers);
  });

  it('reports progress for each layer', async () => {
    const events: LayerProgress[] = [];
    const source = memorySource(blobs);
    await inventoryImage({ source, analyzers: ANALYZERS, onProgress: (p) => events.push(p) });
    const last = events.filter((e) => e.done);
    assert.deepEqual(
      last.map((e) => [e.index, e.count, e.bytesRead, e.total, e.cache]),
      source.layers.map((l, i) => [i, 2, l.size, l.size, 'off']),
    );
  });

  it('reports files an analyzer read without declaring them, instead of silently missing them', async () => {
    const blob = await buildTar([
      { name: 'app/requirements.txt', content: '-r base.txt\nflask==2.0.1\n' },
      { name: 'app/base.txt', content: 'six==1.16.0\n' },
    ]);
    const image = await inventoryImage({ source: memorySource([blob]), analyzers: ANALYZERS });
    assert.deepEqual(image.packages.map((p) => p.name), ['flask']);
    assert.ok(image.errors.some((e) => e.path === 'app/base.txt' && /not kept from its layer/.test(e.message)));
  });

  it('fails with the layer digest when a layer is hostile', async () => {
    const hostile = await buildTar([{ name: '../../escape', content: 'x' }]);
    const source = memorySource([blobs[0] ?? Buffer.alloc(0), hostile]);
    await assert.rejects(inventoryImage({ source, analyzers: ANALYZERS }), (error: Error) => error.message.includes(source.layers[1]?.digest ?? '?'));
  });
});
