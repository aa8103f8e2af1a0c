import { formatPurl } from '../../vuln/index.js';
import type { SbomInventory } from '../../vuln/index.js';

/** What the SBOM is about: the root component (CycloneDX metadata.component, SPDX described package). */
export interface SbomSubject {
  kind: 'container' | 'directory';
  name: string;
  /** The manifest digest of an image. */
  version?: string;
  purl?: string;
}

export function subjectOf(inventory: SbomInventory, directoryName: string): SbomSubject {
  const image = inventory.image;
  if (image === undefined) return { kind: 'directory', name: directoryName };
  const digest = image.manifestDigest;
  const purl = digest !== undefined ? ociPurl(image.name, digest) : undefined;
  return { kind: 'container', name: image.name, ...(digest !== undefined ? { version: digest } : {}), ...(purl !== undefined ? { purl } : {}) };
}

/**
 * ref. purl-spec `oci` type: the name is the last segment of the repository, the version the
 * manifest digest, and `repository_url` / `tag` qualifiers say where it came from. A name that is
 * not an image reference (an archive path) gives only the name.
 */
function ociPurl(reference: string, digest: string): string {
  const withoutDigest = reference.split('@')[0] ?? reference;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const repository = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = colon > slash ? withoutDigest.slice(colon + 1) : '';
  const isReference = /^[a-z0-9]+([._:/-][a-z0-9]+)*$/.test(repository) && !/\.(tar|tgz)$/.test(repository);
  const base = repository.slice(repository.lastIndexOf('/') + 1).replace(/\.(tar|tar\.gz|tgz)$/i, '').toLowerCase();
  const qualifiers: Record<string, string> = isReference ? { repository_url: repository, tag } : {};
  return formatPurl({ type: 'oci', name: base === '' ? 'image' : base, version: digest, qualifiers });
}
