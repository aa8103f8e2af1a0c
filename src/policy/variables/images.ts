import { asArray, asObject, asString, podTemplateOf } from '../../k8s/index.js';
import type { Resource } from '../../k8s/index.js';

/** Kyverno's parsed image reference, exposed as `images.<containerType>.<containerName>`. */
export interface ImageInfo {
  registry: string;
  name: string;
  path: string;
  tag: string;
  digest: string;
  reference: string;
  referenceWithTag: string;
}

/** Parses an image reference with Docker's defaults (docker.io, library/, latest). */
export function parseImage(image: string): ImageInfo {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (tag === '' && digest === '') tag = 'latest';
  const path = registry === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const base = `${registry}/${path}`;
  const reference = digest !== '' ? `${base}@${digest}` : `${base}:${tag}`;
  return { registry, name, path, tag, digest, reference, referenceWithTag: `${base}:${tag}` };
}

/** `images` variable: containers, initContainers and ephemeralContainers by container name. */
export function imagesOf(resource: Resource): Record<string, Record<string, ImageInfo>> {
  const spec = resource.kind === 'Pod' ? asObject(resource.object['spec']) : podTemplateOf(resource)?.spec;
  const out: Record<string, Record<string, ImageInfo>> = {};
  if (spec === undefined) return out;
  for (const type of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const raw of asArray(spec[type])) {
      const c = asObject(raw);
      const name = asString(c?.['name']);
      const image = asString(c?.['image']);
      if (name === undefined || image === undefined) continue;
      (out[type] ??= {})[name] = parseImage(image);
    }
  }
  return out;
}
