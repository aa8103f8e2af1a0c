/**
 * `openRegistryImage`: an image in an OCI registry as an ImageSource resolved to one platform.
 * Manifest (and index) first, verified against the pinned digest and Docker-Content-Digest; then
 * the config blob, verified; layers are streamed and verified on demand.
 * ref. OCI distribution-spec v1.1 "Pull"; OCI image-spec v1.1 (index, manifest, config).
 */
import type { Readable } from 'node:stream';
import { BosunError } from '../../kernel/index.js';
import type { ImageConfigSummary, ImageSource, LayerDescriptor, Platform } from '../../vuln/image/source.js';
import { dockerConfigPath, findCredential } from './auth/docker-config.js';
import { createRegistryClient, type FetchLike } from './client.js';
import { digestOf, parseDigest, verifyBytes } from './digest.js';
import { MAX_MANIFEST_BYTES } from './http/body.js';
import { decodeManifest } from './manifest.js';
import { DOCKER_CONFIG, OCI_CONFIG } from './media-types.js';
import { DEFAULT_PLATFORM, formatPlatform, normalisePlatform, parsePlatform, selectPlatform } from './platform.js';
import { parseImageReference, manifestReference } from './reference.js';
import { ImageConfig, type ImageManifest } from './schema.js';

export interface OpenRegistryImageOptions {
  /** `os/arch[/variant]` to pick from a multi-platform index. @default 'linux/amd64' */
  platform?: string;
  /**
   * Plain-HTTP or self-signed registries: HTTPS is tried without certificate verification, then
   * plain HTTP. Loopback registries (`localhost`, `127.0.0.0/8`, `[::1]`) are treated as insecure
   * without this flag, as Docker does: their traffic never leaves the machine. @default false
   */
  insecure?: boolean;
  /** Docker config file with credentials. @default $DOCKER_CONFIG/config.json, else ~/.docker/config.json */
  dockerConfigPath?: string;
  /** Environment for DOCKER_CONFIG and HOME. @default process.env */
  env?: Record<string, string | undefined>;
  /** Replaces the HTTP client for every request (then --insecure cannot skip TLS checks). @default globalThis.fetch */
  fetch?: FetchLike;
  /** Bound on each request's wait for an answer, and on a layer download's silence. @default 30000 */
  timeoutMs?: number;
  /** @default 'bosun' */
  userAgent?: string;
  /** Largest manifest or config accepted. @default 4 MiB */
  maxManifestBytes?: number;
}

/** Indexes may nest (an index entry pointing at another index); bound it. */
const MAX_INDEX_DEPTH = 3;

export async function openRegistryImage(input: string, options: OpenRegistryImageOptions = {}): Promise<ImageSource> {
  const reference = parseImageReference(input);
  const wanted: Platform | undefined = options.platform === undefined ? undefined : parsePlatform(options.platform);
  const configOptions = {
    ...(options.dockerConfigPath === undefined ? {} : { path: options.dockerConfigPath }),
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  const credential = await findCredential(reference.registry, configOptions);
  const maxBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  const client = createRegistryClient({
    reference,
    credential,
    configPath: dockerConfigPath(configOptions),
    insecure: options.insecure === true || isLoopback(reference.endpoint),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    timeoutMs: options.timeoutMs ?? 30_000,
    userAgent: options.userAgent ?? 'bosun',
  });
  const image = reference.canonical;

  try {
    let fetched = await client.getManifest(manifestReference(reference), maxBytes);
    let what = `the manifest of ${image}`;
    // The pinned digest is what the user asked for; the header is what the registry claims.
    if (reference.digest !== undefined) verifyBytes(fetched.bytes, reference.digest, what);
    if (fetched.digestHeader !== undefined && parseDigest(fetched.digestHeader) !== undefined) verifyBytes(fetched.bytes, fetched.digestHeader, what);
    let digest = reference.digest ?? digestOf(fetched.bytes);
    let decoded = decodeManifest(fetched.bytes, fetched.contentType, what);

    for (let depth = 0; decoded.kind === 'index'; depth++) {
      if (depth >= MAX_INDEX_DEPTH) throw new BosunError('input.read', `${what}: indexes nested more than ${MAX_INDEX_DEPTH} deep`);
      const entry = selectPlatform(decoded.index.manifests, wanted ?? DEFAULT_PLATFORM, `the index of ${image}`);
      if (entry.size !== undefined && entry.size > maxBytes) throw new BosunError('input.too-large', `the ${formatPlatform(entry.platform ?? DEFAULT_PLATFORM)} manifest of ${image} is ${entry.size} bytes, over the ${maxBytes} limit`);
      fetched = await client.getManifest(entry.digest, maxBytes);
      what = `the ${formatPlatform(entry.platform ?? DEFAULT_PLATFORM)} manifest of ${image}`;
      verifyBytes(fetched.bytes, entry.digest, what);
      digest = entry.digest;
      decoded = decodeManifest(fetched.bytes, fetched.contentType, what);
    }

    const manifest = decoded.manifest;
    const config = await readConfig(manifest, image, maxBytes, client.getBlob);
    if (wanted !== undefined && config.os !== undefined && config.architecture !== undefined && !sameBase(config, wanted)) {
      throw new BosunError('input.read', `${image} is a single-platform image for ${formatPlatform({ os: config.os, architecture: config.architecture })}, not ${formatPlatform(wanted)}`);
    }
    const layers: LayerDescriptor[] = manifest.layers.map((l, i) => {
      const layer: LayerDescriptor = { digest: l.digest, mediaType: l.mediaType ?? 'application/vnd.oci.image.layer.v1.tar', size: l.size ?? -1 };
      const diffId = manifest.layers.length === config.diffIds.length ? config.diffIds[i] : undefined;
      if (diffId !== undefined) layer.diffId = diffId;
      return layer;
    });

    let closed = false;
    const source: ImageSource = {
      name: input.trim(),
      manifestDigest: digest,
      manifestMediaType: decoded.mediaType,
      config,
      layers,
      async openLayer(layer: LayerDescriptor): Promise<Readable> {
        if (closed) throw new BosunError('internal', `${image}: openLayer after close`);
        if (parseDigest(layer.digest) === undefined) throw new BosunError('input.read', `${image}: malformed layer digest "${layer.digest}"`);
        return client.openBlob(layer.digest, layer.size, `layer ${layer.digest}`);
      },
      close() {
        if (!closed) {
          closed = true;
          client.close();
        }
        return Promise.resolve();
      },
    };
    return source;
  } catch (error) {
    client.close();
    throw error;
  }
}

async function readConfig(
  manifest: ImageManifest,
  image: string,
  maxBytes: number,
  getBlob: (digest: string, maxBytes: number, what: string) => Promise<Buffer>,
): Promise<ImageConfigSummary> {
  const descriptor = manifest.config;
  const type = descriptor.mediaType;
  if (type !== undefined && type !== OCI_CONFIG && type !== DOCKER_CONFIG) {
    throw new BosunError('input.read', `${image} is not a container image: its config has media type ${type} (an OCI artifact?)`);
  }
  const what = `the config ${descriptor.digest}`;
  if (descriptor.size !== undefined && descriptor.size > maxBytes) {
    throw new BosunError('input.too-large', `${what} of ${image} is ${descriptor.size} bytes, over the ${maxBytes} limit`);
  }
  const bytes = await getBlob(descriptor.digest, maxBytes, what);
  verifyBytes(bytes, descriptor.digest, `${what} of ${image}`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new BosunError('input.json', `${what} of ${image} is not valid JSON`, { cause });
  }
  const parsed = ImageConfig.safeParse(json);
  if (!parsed.success) throw new BosunError('input.json', `${what} of ${image} is not an image config: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const c = parsed.data;
  const summary: ImageConfigSummary = { diffIds: c.rootfs?.diff_ids ?? [] };
  if (c.os !== undefined) summary.os = c.os;
  if (c.architecture !== undefined) summary.architecture = c.architecture;
  if (c.variant !== undefined) summary.variant = c.variant;
  if (c.created !== undefined) summary.created = c.created;
  return summary;
}

function sameBase(config: ImageConfigSummary, wanted: Platform): boolean {
  const have = normalisePlatform({ os: config.os ?? '', architecture: config.architecture ?? '' });
  return have.os === wanted.os && have.architecture === wanted.architecture;
}

/** ref. Docker daemon: 127.0.0.0/8 and localhost are insecure registries by default (::1 too). */
export function isLoopback(endpoint: string): boolean {
  const host = endpoint.replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
