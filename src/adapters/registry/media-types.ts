/**
 * Manifest media types the client understands. The registry picks the manifest to return from the
 * request's Accept header, so all four are always sent: distribution 2.8 answers 404 for an OCI
 * manifest when Accept lacks the OCI type, and downgrades a v2s2 manifest to schema 1 when Accept
 * is missing. ref. OCI distribution-spec v1.1 "Pulling manifests"; Docker image manifest v2 schema 2.
 */
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** ref. Docker image manifest v1 (schema 1), signed and unsigned: refused, they carry no config blob. */
export const DOCKER_SCHEMA1 = ['application/vnd.docker.distribution.manifest.v1+prettyjws', 'application/vnd.docker.distribution.manifest.v1+json'];

export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';

export const MANIFEST_ACCEPT = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST].join(', ');

/** The media type without parameters (`; charset=utf-8`), lowercased. */
export function baseMediaType(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const base = value.split(';')[0]?.trim().toLowerCase();
  return base === '' ? undefined : base;
}
