import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { describeImageSourceContract, tampered } from '../../vuln/image/testing/image-source-contract.js';
import type { ContractImage } from '../../vuln/image/testing/image-source-contract.js';
import { sha256 } from '../../vuln/image/testing/layer-tar.js';
import { openImageArchive } from './open-image-archive.js';
import { addOciImage, finishOciLayout, manifestDescriptor, treeTar, writeTree } from './testing.js';
import type { ArchiveTree } from './testing.js';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bosun-contract-'));
  dirs.push(dir);
  return dir;
}

function ociTree(image: ContractImage): ArchiveTree {
  const tree: ArchiveTree = new Map();
  // Diff IDs are not checked by the source; the blobs' own digests are.
  const built = addOciImage(tree, [...image.layers], image.layers.map((b) => sha256(b)));
  finishOciLayout(tree, [manifestDescriptor(built)]);
  if (image.tamper !== undefined) {
    const path = `blobs/${(built.layerDigests[image.tamper] ?? '').replace(':', '/')}`;
    const blob = tree.get(path);
    if (Buffer.isBuffer(blob)) tree.set(path, tampered(blob));
  }
  return tree;
}

describeImageSourceContract('OCI layout directory', async (image) => {
  const dir = join(await scratch(), 'layout');
  await writeTree(ociTree(image), dir);
  return await openImageArchive(dir);
});

describeImageSourceContract('OCI layout tar', async (image) => {
  const path = join(await scratch(), 'layout.tar');
  await writeFile(path, await treeTar(ociTree(image)));
  return await openImageArchive(path);
});

describeImageSourceContract('docker save tar', async (image) => {
  // Blob paths named by digest (docker ≥ 25), so a gzipped layer's digest is known without hashing.
  const names = image.layers.map((blob) => `blobs/sha256/${sha256(blob).slice(7)}`);
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: image.layers.map((b) => sha256(b)) } }));
  const tree: ArchiveTree = new Map([
    ['manifest.json', Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${sha256(config).slice(7)}`, RepoTags: ['contract:latest'], Layers: names }]))],
    [`blobs/sha256/${sha256(config).slice(7)}`, config],
  ]);
  for (const [i, blob] of image.layers.entries()) tree.set(names[i] ?? '', i === image.tamper ? tampered(blob) : blob);
  const path = join(await scratch(), 'docker.tar');
  await writeFile(path, await treeTar(tree));
  return await openImageArchive(path);
});
