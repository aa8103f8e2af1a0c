/**
 * Decoding a manifest the registry returned: an image manifest or an index (manifest list), in OCI
 * or Docker media types. Schema 1 is refused with a clear message: it has no config blob and its
 * layer digests are not content-addressed the same way.
 * ref. OCI image-spec v1.1 manifest.md and image-index.md (mediaType SHOULD be set; older
 * manifests omit it); Docker image manifest v2 schema 2 and manifest list.
 */
import { BosunError } from '../../kernel/index.js';
import { parseDigest } from './digest.js';
import { baseMediaType, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_SCHEMA1, OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import { ImageIndex, ImageManifest, type Descriptor } from './schema.js';

export type DecodedManifest =
  | { kind: 'index'; mediaType: string; index: ImageIndex }
  | { kind: 'image'; mediaType: string; manifest: ImageManifest };

const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_MANIFEST_LIST]);
const IMAGE_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);

/** `what` names the manifest in errors (`the manifest of docker.io/library/alpine:3`). */
export function decodeManifest(bytes: Uint8Array, contentType: string | undefined, what: string): DecodedManifest {
  const headerType = baseMediaType(contentType);
  if (headerType !== undefined && DOCKER_SCHEMA1.includes(headerType)) throw schema1(what);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new BosunError('input.json', `${what} is not valid JSON`, { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BosunError('input.json', `${what} is not a JSON object`);
  const fields = json as Record<string, unknown>;
  if (fields['schemaVersion'] === 1 || 'fsLayers' in fields) throw schema1(what);

  const declared = typeof fields['mediaType'] === 'string' ? baseMediaType(fields['mediaType']) : undefined;
  // The body's mediaType wins; without one, the Content-Type; without either, the shape decides.
  const mediaType = declared ?? (headerType !== undefined && (INDEX_TYPES.has(headerType) || IMAGE_TYPES.has(headerType)) ? headerType : undefined);
  const isIndex = mediaType !== undefined ? INDEX_TYPES.has(mediaType) : Array.isArray(fields['manifests']);
  const isImage = mediaType !== undefined ? IMAGE_TYPES.has(mediaType) : 'config' in fields && 'layers' in fields;

  if (isIndex) {
    const parsed = ImageIndex.safeParse(json);
    if (!parsed.success) throw invalid(what, 'index', parsed.error.issues[0]);
    checkDigests(parsed.data.manifests, what);
    return { kind: 'index', mediaType: mediaType ?? OCI_INDEX, index: parsed.data };
  }
  if (isImage) {
    const parsed = ImageManifest.safeParse(json);
    if (!parsed.success) throw invalid(what, 'image manifest', parsed.error.issues[0]);
    checkDigests([parsed.data.config, ...parsed.data.layers], what);
    return { kind: 'image', mediaType: mediaType ?? OCI_MANIFEST, manifest: parsed.data };
  }
  throw new BosunError('input.read', `${what} has media type ${mediaType ?? headerType ?? '(none)'}, which is not an image manifest or index (an OCI artifact?)`);
}

function checkDigests(descriptors: Descriptor[], what: string): void {
  for (const d of descriptors) {
    if (parseDigest(d.digest) === undefined) throw new BosunError('input.read', `${what} lists an unsupported or malformed digest "${d.digest}"`);
  }
}

function schema1(what: string): BosunError {
  return new BosunError('input.read', `${what} is a Docker schema 1 manifest, which Bosun does not read (deprecated since 2017; push the image again with a current client)`);
}

function invalid(what: string, kind: string, issue: { path: PropertyKey[]; message: string } | undefined): BosunError {
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`;
  return new BosunError('input.json', `${what} is not a valid ${kind}${where}: ${issue?.message ?? 'invalid'}`);
}
