import type { PathSegment, SourcePosition } from '../kernel/index.js';
import type { JsonObject } from './object.js';
import { asObject, asString, stringMap } from './object.js';

/** Where a resource came from, and how to find a field of it in that source. */
export interface ResourceSource {
  /** Path as the user gave it (or `-` / `<stdin>`). */
  file: string;
  /** 0-based index of the document in the file. */
  documentIndex: number;
  position: SourcePosition;
  /** Position of a field; falls back to the deepest ancestor that exists. */
  locate(path: readonly PathSegment[]): SourcePosition & { exact: boolean };
}

/** A Kubernetes object plus its origin. Every engine consumes these. */
export interface Resource {
  object: JsonObject;
  apiVersion: string;
  kind: string;
  name: string;
  /** Undefined for cluster-scoped objects and for namespaced objects that do not set one. */
  namespace: string | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  source: ResourceSource;
}

export function toResource(object: JsonObject, source: ResourceSource): Resource {
  const metadata = asObject(object['metadata']);
  return {
    object,
    apiVersion: asString(object['apiVersion']) ?? '',
    kind: asString(object['kind']) ?? '',
    name: asString(metadata?.['name']) ?? asString(metadata?.['generateName']) ?? '',
    namespace: asString(metadata?.['namespace']),
    labels: stringMap(metadata?.['labels']),
    annotations: stringMap(metadata?.['annotations']),
    source,
  };
}

/** `group` part of an apiVersion; '' for the core group. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** A short human reference: `Deployment ns/name`. */
export function resourceRef(resource: Pick<Resource, 'kind' | 'namespace' | 'name'>): string {
  const ns = resource.namespace === undefined ? '' : `${resource.namespace}/`;
  return `${resource.kind} ${ns}${resource.name}`;
}

/** A resource built in memory (tests, policies, generated objects) with no file behind it. */
export function inMemoryResource(object: JsonObject, file = '<memory>'): Resource {
  return toResource(object, {
    file,
    documentIndex: 0,
    position: { line: 1, column: 1 },
    locate: () => ({ line: 1, column: 1, exact: false }),
  });
}
