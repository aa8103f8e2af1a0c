/**
 * Tiny test images: layers, a config and a manifest with real digests, in OCI or Docker media
 * types, plus an index over several of them and an OCI image layout on disk (for skopeo).
 * ref. OCI image-spec v1.1 (manifest.md, image-index.md, config.md, image-layout.md).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipTar, tarFiles } from './tar.js';

export interface Blob {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

export interface TestImage {
  manifest: Blob;
  config: Blob;
  layers: Blob[];
  /** sha256 of each uncompressed layer tar. */
  diffIds: string[];
}

export type Flavour = 'oci' | 'docker';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function blob(mediaType: string, bytes: Buffer): Blob {
  return { digest: sha256(bytes), mediaType, bytes };
}

const TYPES = {
  oci: {
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    index: 'application/vnd.oci.image.index.v1+json',
    config: 'application/vnd.oci.image.config.v1+json',
    layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  },
  docker: {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    index: 'application/vnd.docker.distribution.manifest.list.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  },
} as const;

export interface ImageSpec {
  flavour?: Flavour;
  os?: string;
  architecture?: string;
  variant?: string;
  /** One entry per layer: path → content. */
  layers?: Record<string, string>[];
}

export function buildImage(spec: ImageSpec = {}): TestImage {
  const types = TYPES[spec.flavour ?? 'oci'];
  const layerFiles = spec.layers ?? [{ 'etc/os-release': 'ID=bosun\n' }, { 'usr/bin/hello': '#!/bin/sh\necho hi\n' }];
  const layers = layerFiles.map((files) => blob(types.layer, gzipTar(files)));
  const diffIds = layerFiles.map((files) => sha256(tarFiles(files)));
  const config = blob(types.config, Buffer.from(JSON.stringify({
    created: '2026-01-02T03:04:05Z',
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    ...(spec.variant === undefined ? {} : { variant: spec.variant }),
    config: { Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
  })));
  const descriptor = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.bytes.length });
  const manifest = blob(types.manifest, Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: types.manifest,
    config: descriptor(config),
    layers: layers.map(descriptor),
  }, null, 2)));
  return { manifest, config, layers, diffIds };
}

export function buildIndex(images: TestImage[], flavour: Flavour = 'oci', extra: object[] = []): Blob {
  const types = TYPES[flavour];
  return blob(types.index, Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: types.index,
    manifests: [
      ...images.map((image) => {
        const config = JSON.parse(image.config.bytes.toString('utf8')) as { os: string; architecture: string; variant?: string };
        return {
          mediaType: image.manifest.mediaType,
          digest: image.manifest.digest,
          size: image.manifest.bytes.length,
          platform: { os: config.os, architecture: config.architecture, ...(config.variant === undefined ? {} : { variant: config.variant }) },
        };
      }),
      ...extra,
    ],
  })));
}

/** Every blob of an image, manifest included. */
export function imageBlobs(image: TestImage): Blob[] {
  return [image.manifest, image.config, ...image.layers];
}

/**
 * Writes an OCI image layout holding `blobs`, with `top` (an image manifest or an index) tagged
 * `tag` in index.json: what `skopeo copy oci:DIR:tag` reads.
 */
export async function writeOciLayout(dir: string, blobs: Blob[], top: Blob, tag: string): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const b of [top, ...blobs]) {
    await writeFile(join(dir, 'blobs', 'sha256', b.digest.slice('sha256:'.length)), b.bytes);
  }
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(join(dir, 'index.json'), JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ mediaType: top.mediaType, digest: top.digest, size: top.bytes.length, annotations: { 'org.opencontainers.image.ref.name': tag } }],
  }));
}
