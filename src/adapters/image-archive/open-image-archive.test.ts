import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BosunError } from '../../kernel/index.js';
import { FILE_ANALYZERS, inventoryImage } from '../../vuln/index.js';
import type { ImageSource } from '../../vuln/index.js';
import { buildTar, gzip, sha256 } from '../../vuln/image/testing/layer-tar.js';
import { openImageArchive } from './open-image-archive.js';
import { addIndex, addOciImage, finishOciLayout, manifestDescriptor, treeTar, writeTree } from './testing.js';
import type { ArchiveTree } from './testing.js';

const STATUS = 'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9\n';

async function packagesOf(source: ImageSource): Promise<string[]> {
  try {
    const inventory = await inventoryImage({ source, analyzers: FILE_ANALYZERS.values() });
    return inventory.packages.map((p) => `${p.name}@${p.version}`);
  } finally {
    await source.close();
  }
}

function errorMatching(pattern: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof BosunError && pattern.test(error.message);
}

describe('openImageArchive', () => {
  let dir = '';
  let lowerTar: Buffer = Buffer.alloc(0);
  let upperTar: Buffer = Buffer.alloc(0);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bosun-archive-'));
    lowerTar = await buildTar([{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }, { name: 'var/lib/dpkg/status', content: STATUS }]);
    upperTar = await buildTar([{ name: 'app/requirements.txt', content: 'flask==2.0.1\n' }]);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function singleImageLayout(ref = 'latest'): { tree: ArchiveTree; manifestDigest: string; layerDigests: string[] } {
    const tree: ArchiveTree = new Map();
    const image = addOciImage(tree, [gzip(lowerTar), gzip(upperTar)], [sha256(lowerTar), sha256(upperTar)]);
    finishOciLayout(tree, [manifestDescriptor(image, { annotations: { 'org.opencontainers.image.ref.name': ref } })]);
    return { tree, manifestDigest: image.manifestDigest, layerDigests: image.layerDigests };
  }

  it('reads an OCI layout directory', async () => {
    const { tree, manifestDigest, layerDigests } = singleImageLayout();
    const path = join(dir, 'layout');
    await writeTree(tree, path);
    const source = await openImageArchive(path);
    assert.equal(source.manifestDigest, manifestDigest);
    assert.deepEqual(source.layers.map((l) => l.digest), layerDigests);
    assert.deepEqual(source.layers.map((l) => l.diffId), [sha256(lowerTar), sha256(upperTar)]);
    assert.equal(source.config.architecture, 'amd64');
    assert.deepEqual(await packagesOf(source), ['flask@2.0.1', 'libc6@2.36-9']);
  });

  it('reads an OCI layout in a tar, in place', async () => {
    const { tree, manifestDigest } = singleImageLayout();
    const path = join(dir, 'layout.tar');
    await writeFile(path, await treeTar(tree));
    const source = await openImageArchive(path);
    assert.equal(source.manifestDigest, manifestDigest);
    assert.deepEqual(await packagesOf(source), ['flask@2.0.1', 'libc6@2.36-9']);
  });

  it('picks an image by ref name, and lists the choices when ambiguous', async () => {
    const tree: ArchiveTree = new Map();
    const one = addOciImage(tree, [gzip(lowerTar)], [sha256(lowerTar)]);
    const two = addOciImage(tree, [gzip(upperTar)], [sha256(upperTar)]);
    finishOciLayout(tree, [
      manifestDescriptor(one, { annotations: { 'org.opencontainers.image.ref.name': 'base' } }),
      manifestDescriptor(two, { annotations: { 'org.opencontainers.image.ref.name': 'app' } }),
    ]);
    const path = join(dir, 'tagged');
    await writeTree(tree, path);
    assert.deepEqual(await packagesOf(await openImageArchive(path, { tag: 'app' })), ['flask@2.0.1']);
    assert.deepEqual(await packagesOf(await openImageArchive(path, { tag: 'example.com/repo:base' })), ['libc6@2.36-9']);
    await assert.rejects(openImageArchive(path), errorMatching(/holds 2 images.*\n.*base.*\n.*app/));
    await assert.rejects(openImageArchive(path, { tag: 'nope' }), errorMatching(/no image in the archive matches tag nope/));
  });

  it('selects a platform from a nested index, skipping attestations', async () => {
    const tree: ArchiveTree = new Map();
    const amd = addOciImage(tree, [gzip(lowerTar)], [sha256(lowerTar)]);
    const arm = addOciImage(tree, [gzip(upperTar)], [sha256(upperTar)], { os: 'linux', architecture: 'arm64' });
    const nested = addIndex(tree, [
      manifestDescriptor(amd, { platform: { os: 'linux', architecture: 'amd64' } }),
      manifestDescriptor(arm, { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }),
      manifestDescriptor(amd, { platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }),
    ]);
    finishOciLayout(tree, [{ ...nested, annotations: { 'org.opencontainers.image.ref.name': 'multi' } }]);
    const path = join(dir, 'multi');
    await writeTree(tree, path);
    assert.deepEqual(await packagesOf(await openImageArchive(path, { platform: { os: 'linux', architecture: 'arm64' } })), ['flask@2.0.1']);
    assert.deepEqual(await packagesOf(await openImageArchive(path, { tag: 'multi', platform: { os: 'linux', architecture: 'amd64' } })), ['libc6@2.36-9']);
    await assert.rejects(openImageArchive(path), errorMatching(/holds 2 images.*\n.*linux\/amd64.*\n.*linux\/arm64\/v8/));
  });

  it('reads a docker save archive: layer tars by path, duplicates as symlinks, gzipped ones too', async () => {
    const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [sha256(lowerTar), sha256(upperTar), sha256(lowerTar)] } }));
    const configName = `${sha256(config).slice(7)}.json`;
    const gzippedUpper = gzip(upperTar);
    const tree: ArchiveTree = new Map<string, Buffer | { symlink: string }>([
      ['manifest.json', Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['example/app:1.0'], Layers: ['aaa/layer.tar', 'bbb/layer.tar', 'ccc/layer.tar'] }]))],
      [configName, config],
      ['aaa/layer.tar', lowerTar],
      ['bbb/layer.tar', gzippedUpper],
      ['ccc/layer.tar', { symlink: '../aaa/layer.tar' }],
    ]);
    const path = join(dir, 'docker.tar');
    await writeFile(path, await treeTar(tree));
    const source = await openImageArchive(path, { tag: 'example/app:1.0' });
    assert.deepEqual(
      source.layers.map((l) => [l.digest, l.mediaType]),
      [
        [sha256(lowerTar), 'application/vnd.docker.image.rootfs.diff.tar'],
        [sha256(gzippedUpper), 'application/vnd.docker.image.rootfs.diff.tar.gzip'],
        [sha256(lowerTar), 'application/vnd.docker.image.rootfs.diff.tar'],
      ],
    );
    assert.deepEqual(await packagesOf(source), ['flask@2.0.1', 'libc6@2.36-9']);
  });

  it('fails the scan when a layer blob does not match its digest', async () => {
    const tree: ArchiveTree = new Map();
    const image = addOciImage(tree, [lowerTar, upperTar], [sha256(lowerTar), sha256(upperTar)]);
    finishOciLayout(tree, [manifestDescriptor(image)]);
    const path = join(dir, 'tampered');
    await writeTree(tree, path);
    // Same size, still a valid tar: only the digest can tell.
    const blob = join(path, 'blobs', (image.layerDigests[1] ?? '').replace(':', '/'));
    await writeFile(blob, Buffer.from((await readFile(blob)).toString('latin1').replace('flask==2.0.1', 'flask==6.6.6'), 'latin1'));
    await assert.rejects(packagesOf(await openImageArchive(path)), errorMatching(/blob sha256:[a-f0-9]{64}: content hashes to sha256:.*tampered/));
    await writeFile(blob, Buffer.alloc(10));
    await assert.rejects(packagesOf(await openImageArchive(path)), errorMatching(/10 bytes where the descriptor says/));
  });

  it('says what is wrong with things that are not image archives', async () => {
    await mkdir(join(dir, 'empty'), { recursive: true });
    await assert.rejects(openImageArchive(join(dir, 'empty')), errorMatching(/no index.json/));
    await writeFile(join(dir, 'other.tar'), await buildTar([{ name: 'README', content: 'hi' }]));
    await assert.rejects(openImageArchive(join(dir, 'other.tar')), errorMatching(/neither index.json/));
    await writeFile(join(dir, 'image.tar.gz'), gzipSync(await readFile(join(dir, 'other.tar'))));
    await assert.rejects(openImageArchive(join(dir, 'image.tar.gz')), errorMatching(/gzip-compressed; decompress it first/));
    await assert.rejects(openImageArchive(join(dir, 'missing.tar')), errorMatching(/cannot read image archive/));
  });
});
