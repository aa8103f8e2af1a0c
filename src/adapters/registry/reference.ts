/**
 * Image references with Docker's normalisation, so `alpine`, `docker.io/library/alpine:latest` and
 * `index.docker.io/library/alpine` name the same image, as `docker pull` would.
 * ref. distribution/reference grammar (reference.go: name, tag, digest, domain rules) and
 * OCI distribution-spec v1.1 "Pulling manifests" (`<name>` and `<reference>` path components).
 */
import { BosunError } from '../../kernel/index.js';

/** A parsed image reference. */
export interface ImageReference {
  /** Registry as the user would write it, normalised: `docker.io`, `ghcr.io`, `localhost:5000`. */
  registry: string;
  /** `host[:port]` the distribution API is served from (`registry-1.docker.io` for Docker Hub). */
  endpoint: string;
  /** Repository path, with `library/` added for official Docker Hub images. */
  repository: string;
  /** Tag, `latest` when neither a tag nor a digest was given. */
  tag?: string;
  /** `algorithm:hex` when the reference pins a digest; it wins over the tag for pulling. */
  digest?: string;
  /** The normalised reference: `docker.io/library/alpine:3.19@sha256:...`. */
  canonical: string;
}

export const DOCKER_HUB = 'docker.io';
/** ref. Docker Hub serves the v2 API from registry-1.docker.io; `index.docker.io` is the v1 name. */
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';

// A path component: lowercase alphanumerics separated by `.`, `_`, `__` or runs of `-`.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A domain: DNS labels (or an IPv6 literal in brackets) with an optional port.
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const NAME_MAX = 255;

/**
 * Parses `[registry/]repository[:tag][@digest]`. Throws a `usage` BosunError naming the reference
 * and what is wrong with it.
 */
export function parseImageReference(input: string): ImageReference {
  const text = input.trim();
  const fail = (why: string): never => {
    throw new BosunError('usage', `invalid image reference "${input}": ${why}`);
  };
  if (text === '') fail('it is empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail('an image reference has no URL scheme; drop the "http(s)://" prefix (use --insecure for plain-HTTP registries)');

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) fail(`"${digest}" is not a digest (expected algorithm:hex, e.g. sha256:<64 hex digits>)`);
    const [algorithm, hex = ''] = digest.split(':');
    if (algorithm === 'sha256' && !/^[a-f0-9]{64}$/.test(hex)) fail('a sha256 digest has 64 lowercase hex digits');
    if (algorithm === 'sha512' && !/^[a-f0-9]{128}$/.test(hex)) fail('a sha512 digest has 128 lowercase hex digits');
  }

  // The tag follows the last `:` after the last `/`, so `host:5000/repo` keeps its port.
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) fail(`"${tag}" is not a valid tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-")`);
  }

  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0] ?? '';
  // ref. distribution/reference normalize.go: the first component is a registry when it has a
  // `.` or a `:` or is `localhost`; otherwise the name is on Docker Hub.
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    if (!DOMAIN.test(first)) fail(`"${first}" is not a valid registry host`);
    registry = first.toLowerCase();
    parts.shift();
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_ENDPOINT) registry = DOCKER_HUB;
  if (parts.length === 0 || parts.some((p) => p === '')) fail('the repository name is missing or has an empty path component');
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      fail(part.toLowerCase() !== part && COMPONENT.test(part.toLowerCase())
        ? 'repository names must be lowercase'
        : `"${part}" is not a valid repository path component (lowercase letters, digits and separators ".", "_", "__", "-")`);
    }
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (registry.length + 1 + repository.length > NAME_MAX) fail(`the name is longer than ${NAME_MAX} characters`);

  if (tag === undefined && digest === undefined) tag = 'latest';
  const canonical = `${registry}/${repository}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  const reference: ImageReference = {
    registry,
    endpoint: registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry,
    repository,
    canonical,
  };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** What goes in `/v2/<name>/manifests/<reference>`: the digest when pinned, else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
