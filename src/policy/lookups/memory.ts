import { asObject, asString } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { pluralOf } from '../match/index.js';
import { parseImage } from '../variables/index.js';
import type { PolicyLookups } from '../ports.js';

export interface MemoryLookupData {
  /** Objects `resource.Get/List` can see (a test's Context `spec.resources`, cluster resources). @default none */
  resources?: readonly JsonObject[];
  /** Image metadata entries, each with its `image` reference (a test's Context `spec.images`). @default none */
  images?: readonly JsonObject[];
  /** GlobalContextEntry data by entry name. @default none */
  globalContext?: ReadonlyMap<string, unknown>;
}

/**
 * Lookups answered from data held in memory — what the CLI has offline. HTTP is never resolved:
 * offline evaluation has no network.
 */
export function createMemoryLookups(data: MemoryLookupData): PolicyLookups {
  const resources = data.resources ?? [];
  const images = data.images ?? [];
  const matches = (o: JsonObject, apiVersion: string, resource: string, namespace: string): boolean => {
    const metadata = asObject(o['metadata']);
    return (
      asString(o['apiVersion']) === apiVersion &&
      pluralOf(asString(o['kind']) ?? '') === resource.toLowerCase() &&
      (namespace === '' || (asString(metadata?.['namespace']) ?? '') === namespace)
    );
  };
  return {
    getResource(apiVersion, resource, namespace, name) {
      return resources.find((o) => matches(o, apiVersion, resource, namespace) && asString(asObject(o['metadata'])?.['name']) === name);
    },
    listResources(apiVersion, resource, namespace) {
      return resources.filter((o) => matches(o, apiVersion, resource, namespace));
    },
    imageMetadata(image) {
      // Exact reference first; otherwise the same image written another way (docker.io/library/x:latest = x).
      const exact = images.find((i) => i['image'] === image);
      if (exact !== undefined) return exact;
      const wanted = parseImage(image).reference;
      return images.find((i) => typeof i['image'] === 'string' && parseImage(i['image']).reference === wanted);
    },
    http: () => undefined,
    globalContext(name, projection) {
      const value = data.globalContext?.get(name);
      if (value === undefined || projection === '') return value;
      return asObject(value)?.[projection];
    },
  };
}
