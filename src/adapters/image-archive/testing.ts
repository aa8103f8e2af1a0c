/** Builds OCI layouts and `docker save` archives for tests, as path → bytes, written to a directory or a tar. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildTar, sha256 } from '../../vuln/image/testing/layer-tar.js';
import type { TarEntrySpec } from '../../vuln/image/testing/layer-tar.js';

export type ArchiveTree = Map<string, Buffer | { symlink: string }>;

export interface BuiltImage {
  manifestDigest: string;
  manifest: Buffer;
  layerDigests: string[];
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function putBlob(tree: ArchiveTree, bytes: Buffer): string {
  const digest = sha256(bytes);
  tree.set(`blobs/${digest.replace(':', '/')}`, bytes);
  return digest;
}

/** Adds an image (config + manifest + layer blobs) to an OCI tree; `diffIds` are the uncompressed tars' digests. */
export function addOciImage(tree: ArchiveTree, layers: readonly Buffer[], diffIds: readonly string[], platform = { os: 'linux', architecture: 'amd64' }): BuiltImage {
  const config = json({ ...platform, created: '2024-01-01T00:00:00Z', rootfs: { type: 'layers', diff_ids: diffIds } });
  const configDigest = putBlob(tree, config);
  const layerDigests = layers.map((layer) => putBlob(tree, layer));
  const manifest = json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: layers.map((layer, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigests[i], size: layer.length })),
  });
  return { manifestDigest: putBlob(tree, manifest), manifest, layerDigests };
}

export function manifestDescriptor(image: BuiltImage, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest, size: image.manifest.length, ...extra };
}

/** Finishes an OCI layout whose index.json lists these descriptors. */
export function finishOciLayout(tree: ArchiveTree, manifests: readonly Record<string, unknown>[]): ArchiveTree {
  tree.set('oci-layout', json({ imageLayoutVersion: '1.0.0' }));
  tree.set('index.json', json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
  return tree;
}

/** An index blob (for nested, multi-platform layouts); returns its descriptor. */
export function addIndex(tree: ArchiveTree, manifests: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const index = json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests });
  return { mediaType: 'application/vnd.oci.image.index.v1+json', digest: putBlob(tree, index), size: index.length, ...extra };
}

export async function writeTree(tree: ArchiveTree, dir: string): Promise<void> {
  for (const [path, content] of tree) {
    if (!Buffer.isBuffer(content)) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

export async function treeTar(tree: ArchiveTree): Promise<Buffer> {
  const entries: TarEntrySpec[] = [...tree].map(([name, content]) =>
    Buffer.isBuffer(content) ? { name, content } : { name, type: 'symlink', linkname: content.symlink },
  );
  return await buildTar(entries);
}
