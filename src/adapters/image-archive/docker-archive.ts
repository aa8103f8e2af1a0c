import { createHash } from 'node:crypto';
import { BosunError } from '../../kernel/index.js';
import type { ImageSource, LayerDescriptor } from '../../vuln/index.js';
import type { ArchiveFiles } from './archive-files.js';
import { summarizeConfig } from './config-summary.js';
import { readArchiveJson } from './read-json.js';
import { DockerSaveManifest, ImageConfig, MEDIA_TYPES } from './schema.js';
import { chooseImage } from './select-image.js';
import type { ArchiveSelection } from './select-image.js';
import { isDigest, verifyingStream } from './verify-digest.js';

/** `blobs/sha256/<hex>` (docker ≥ 25 writes an OCI layout beside manifest.json) or `<hex>.json`. */
const DIGEST_IN_NAME = /(?:^|\/)(?:blobs\/(sha256|sha512)\/)?([a-f0-9]{64}|[a-f0-9]{128})(?:\.json)?$/;

/**
 * A `docker save` archive (ref. moby image/tarexport): manifest.json names each image's config and
 * layer tars, bottom first. Layers are named by path, not digest; an uncompressed layer's digest is
 * its diff ID from the config, which is what it is checked against while it streams.
 */
export async function openDockerArchive(files: ArchiveFiles, name: string, selection: ArchiveSelection = {}): Promise<ImageSource> {
  const images = await readArchiveJson(files, 'manifest.json', DockerSaveManifest);
  const choices = images.flatMap((image) => (image.RepoTags ?? [undefined]).map((ref) => ({ ...(ref !== undefined ? { ref } : {}), value: image })));
  const image = chooseImage(choices, { ...(selection.tag !== undefined ? { tag: selection.tag } : {}) }, files.where).value;
  const configDigest = digestInName(image.Config);
  const config = summarizeConfig(await readArchiveJson(files, image.Config, ImageConfig, configDigest));
  if (config.diffIds.length !== image.Layers.length) {
    throw new BosunError('input.json', `manifest.json lists ${image.Layers.length} layers but the config has ${config.diffIds.length} diff IDs`, { file: files.where });
  }
  const pathOf = new Map<string, string>();
  const layers: LayerDescriptor[] = [];
  for (const [i, path] of image.Layers.entries()) {
    const diffId = config.diffIds[i] ?? '';
    const size = await files.size(path);
    if (size === undefined) throw new BosunError('input.read', `layer ${path} is not in the archive`, { file: files.where });
    const gzipped = isGzip(await files.head(path, 2));
    const digest = digestInName(path) ?? (gzipped ? await hashMember(files, path) : diffId);
    if (!isDigest(digest)) throw new BosunError('input.json', `layer ${path}: diff ID ${JSON.stringify(diffId)} is not a digest`, { file: files.where });
    pathOf.set(digest, path);
    layers.push({ digest, mediaType: gzipped ? MEDIA_TYPES.dockerLayerGzip : MEDIA_TYPES.dockerLayer, size, ...(diffId !== '' ? { diffId } : {}) });
  }
  return {
    name,
    config,
    layers,
    async openLayer(layer) {
      const path = pathOf.get(layer.digest);
      if (path === undefined) throw new BosunError('internal', `layer ${layer.digest} is not one of this image's layers`);
      return verifyingStream(await files.open(path), layer.digest, layer.size, files.where);
    },
    close: () => files.close(),
  };
}

function digestInName(path: string): string | undefined {
  const match = DIGEST_IN_NAME.exec(path);
  if (match === null) return undefined;
  const hex = match[2] ?? '';
  return `${match[1] ?? (hex.length === 128 ? 'sha512' : 'sha256')}:${hex}`;
}

function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** A gzipped layer saved under a path has no recorded digest: hash it once (rare: docker save writes tars). */
async function hashMember(files: ArchiveFiles, path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await files.open(path)) hash.update(chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk)));
  return `sha256:${hash.digest('hex')}`;
}
