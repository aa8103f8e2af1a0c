import { BosunError } from '../../kernel/index.js';
import type { ImageSource, LayerDescriptor, Platform } from '../../vuln/index.js';
import type { ArchiveFiles } from './archive-files.js';
import { summarizeConfig } from './config-summary.js';
import { readArchiveJson } from './read-json.js';
import { ImageConfig, ImageIndex, ImageManifest, MEDIA_TYPES } from './schema.js';
import type { Descriptor } from './schema.js';
import { chooseImage } from './select-image.js';
import type { ArchiveSelection, ImageChoice } from './select-image.js';
import { blobPath, verifyingStream } from './verify-digest.js';

/** ref. image-spec annotations.md: the tag of an image in a layout's index.json. */
const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';
/** Nested indexes deeper than this are a loop or a hostile layout. */
const MAX_INDEX_DEPTH = 4;

/**
 * An OCI image layout (ref. image-spec image-layout.md): `index.json` lists manifests, or indexes of
 * manifests for several platforms; every blob is `blobs/<alg>/<hex>` and is checked against its digest.
 */
export async function openOciLayout(files: ArchiveFiles, name: string, selection: ArchiveSelection = {}): Promise<ImageSource> {
  const index = await readArchiveJson(files, 'index.json', ImageIndex);
  const choices = await collectManifests(files, index.manifests, undefined, 0);
  const chosen = chooseImage(await withPlatforms(files, choices, selection), selection, files.where);
  const descriptor = chosen.value;
  const manifest = await readArchiveJson(files, blobPath(descriptor.digest, files.where), ImageManifest, descriptor.digest);
  const config = await readArchiveJson(files, blobPath(manifest.config.digest, files.where), ImageConfig, manifest.config.digest);
  const summary = summarizeConfig(config);
  const layers: LayerDescriptor[] = manifest.layers.map((layer, i) => {
    const diffId = summary.diffIds[i];
    return { digest: layer.digest, mediaType: layer.mediaType ?? '', size: layer.size, ...(diffId !== undefined ? { diffId } : {}) };
  });
  const mediaType = manifest.mediaType ?? descriptor.mediaType;
  return {
    name,
    manifestDigest: descriptor.digest,
    ...(mediaType !== undefined ? { manifestMediaType: mediaType } : {}),
    config: summary,
    layers,
    async openLayer(layer) {
      const path = blobPath(layer.digest, files.where);
      if ((await files.size(path)) === undefined) {
        throw new BosunError('input.read', `layer ${layer.digest} is not in the layout (a non-distributable layer, or an incomplete copy)`, { file: files.where });
      }
      return verifyingStream(await files.open(path), layer.digest, layer.size, files.where);
    },
    close: () => files.close(),
  };
}

/** Image manifests reachable from an index, each with the ref name of the top-level entry that leads to it. */
async function collectManifests(files: ArchiveFiles, descriptors: readonly Descriptor[], ref: string | undefined, depth: number): Promise<ImageChoice<Descriptor>[]> {
  const out: ImageChoice<Descriptor>[] = [];
  for (const descriptor of descriptors) {
    // Docker ≥ 25 and containerd also record the full name; the ref name is often just the tag.
    const name = descriptor.annotations?.[REF_NAME] ?? descriptor.annotations?.[CONTAINERD_NAME] ?? ref;
    // BuildKit stores provenance and SBOM attestations as manifests of platform unknown/unknown.
    if (descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || descriptor.platform?.os === 'unknown') continue;
    if (descriptor.mediaType === MEDIA_TYPES.ociIndex || descriptor.mediaType === MEDIA_TYPES.dockerList) {
      if (depth >= MAX_INDEX_DEPTH) throw new BosunError('input.read', `image indexes nested more than ${MAX_INDEX_DEPTH} deep`, { file: files.where });
      const nested = await readArchiveJson(files, blobPath(descriptor.digest, files.where), ImageIndex, descriptor.digest);
      out.push(...(await collectManifests(files, nested.manifests, name, depth + 1)));
    } else if (descriptor.mediaType === undefined || descriptor.mediaType === MEDIA_TYPES.ociManifest || descriptor.mediaType === MEDIA_TYPES.dockerManifest) {
      out.push({
        ...(name !== undefined ? { ref: name } : {}),
        ...(descriptor.platform !== undefined ? { platform: platformOf(descriptor.platform) } : {}),
        digest: descriptor.digest,
        value: descriptor,
      });
    }
  }
  return out;
}

/**
 * Single-platform layouts (skopeo, umoci) record no platform in index.json; when the user asks for
 * one, it is read from each such image's config instead.
 */
async function withPlatforms(files: ArchiveFiles, choices: ImageChoice<Descriptor>[], selection: ArchiveSelection): Promise<ImageChoice<Descriptor>[]> {
  if (selection.platform === undefined) return choices;
  return await Promise.all(
    choices.map(async (choice) => {
      if (choice.platform !== undefined) return choice;
      const manifest = await readArchiveJson(files, blobPath(choice.value.digest, files.where), ImageManifest, choice.value.digest);
      const config = summarizeConfig(await readArchiveJson(files, blobPath(manifest.config.digest, files.where), ImageConfig, manifest.config.digest));
      if (config.os === undefined || config.architecture === undefined) return choice;
      return { ...choice, platform: { os: config.os, architecture: config.architecture, ...(config.variant !== undefined ? { variant: config.variant } : {}) } };
    }),
  );
}

function platformOf(platform: { os: string; architecture: string; variant?: string | undefined }): Platform {
  return { os: platform.os, architecture: platform.architecture, ...(platform.variant !== undefined ? { variant: platform.variant } : {}) };
}
