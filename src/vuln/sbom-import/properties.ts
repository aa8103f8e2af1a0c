/**
 * Names of the CycloneDX properties Bosun writes and reads back. ref. CycloneDX 1.6 "properties":
 * names are free-form, and the CycloneDX property taxonomy asks each tool to prefix its own with a
 * namespace followed by `:`, so ours all start with `bosun:`. Kept here, beside the reader, so the
 * writer (report/sbom) and the reader cannot drift apart.
 */
export const BOSUN_PROPERTY = {
  /** OSV ecosystem of a package; spares readers guessing it from the purl. */
  ecosystem: 'bosun:package:ecosystem',
  sourceName: 'bosun:package:source:name',
  sourceVersion: 'bosun:package:source:version',
  /** One property per dependency group (`dev`, `test`, a named group). */
  depGroup: 'bosun:package:dep-group',
  commit: 'bosun:package:commit',
  /**
   * Digest of the image layer of each evidence occurrence, in the same order ('' for an occurrence
   * without one); written only when some location has a layer.
   */
  layer: 'bosun:package:layer',
  osFamily: 'bosun:os:family',
  osVersion: 'bosun:os:version',
  osCodename: 'bosun:os:codename',
  osSource: 'bosun:os:source',
  osDistroless: 'bosun:os:distroless',
  imageOs: 'bosun:image:os',
  imageArchitecture: 'bosun:image:architecture',
  imageVariant: 'bosun:image:variant',
  imageCreated: 'bosun:image:created',
  imageManifestMediaType: 'bosun:image:manifest-media-type',
  /** One per layer, bottom first: `<digest>` of the stored blob. */
  imageLayer: 'bosun:image:layer',
  /** One per layer, bottom first, in step with imageLayer: the uncompressed diff id ('' when unknown). */
  imageDiffId: 'bosun:image:diff-id',
} as const;
