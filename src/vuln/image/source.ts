/**
 * The port between the image inventory (this folder) and where images come from: a registry, a
 * `docker save` archive or an OCI layout (adapters/). A source is already resolved to one platform.
 * ref. OCI image-spec v1.1 (manifest, config, descriptor) and Docker image manifest v2 schema 2.
 */
import type { Readable } from 'node:stream';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** One layer as the manifest lists it, bottom first. */
export interface LayerDescriptor {
  /** `sha256:<hex>` of the blob as stored (compressed when the media type says so). */
  digest: string;
  mediaType: string;
  /** Bytes of the stored blob; -1 when the source does not know. */
  size: number;
  /** `sha256:<hex>` of the uncompressed tar (config rootfs.diff_ids), when known. */
  diffId?: string;
}

/** The parts of the image config the inventory reports. */
export interface ImageConfigSummary {
  os?: string;
  architecture?: string;
  variant?: string;
  created?: string;
  diffIds: string[];
}

export interface ImageSource {
  /** What the user named: `registry/repo:tag`, an archive path. */
  name: string;
  /** Digest of the image manifest, when the source has one (registries and OCI layouts do). */
  manifestDigest?: string;
  /** Media type of that manifest (OCI or Docker v2s2). */
  manifestMediaType?: string;
  config: ImageConfigSummary;
  /** Bottom layer first. */
  layers: LayerDescriptor[];
  /**
   * The layer blob as stored, streamed. The stream errors (with a BosunError) when the bytes do
   * not hash to `layer.digest`, so a caller that consumes it to the end has verified it.
   */
  openLayer(layer: LayerDescriptor): Promise<Readable>;
  /** Releases files or connections; idempotent. */
  close(): Promise<void>;
}

/** What an image inventory says about the image itself (the `image` field of its JSON). */
export interface ImageMeta {
  name: string;
  manifestDigest?: string;
  manifestMediaType?: string;
  config: ImageConfigSummary;
  layers: LayerDescriptor[];
}
