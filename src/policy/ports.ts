import type { JsonObject } from '../k8s/index.js';

/**
 * What the engine may look up outside the resource under evaluation. The caller passes an
 * implementation: the CLI an in-memory one built from test inputs (`lookups/memory.ts`), a cluster
 * entry point one backed by the API server. Every method answers `undefined` when it cannot resolve
 * the request; the engine then reports the rule as `error` with the reason.
 */
export interface PolicyLookups {
  /** One object by REST coordinates (`v1`, `configmaps`, namespace or '', name). */
  getResource(apiVersion: string, resource: string, namespace: string, name: string): JsonObject | undefined;
  /** Objects of a REST resource, in one namespace or ('') all of them; `undefined` when unknown. */
  listResources(apiVersion: string, resource: string, namespace: string): JsonObject[] | undefined;
  /** Registry metadata of an image (`manifest`, `config`, ...), as an image data lookup returns it. */
  imageMetadata(image: string): JsonObject | undefined;
  /** Response body of an HTTP request. */
  http(request: { method: 'GET' | 'POST'; url: string; body?: unknown; headers?: Record<string, string> }): unknown;
  /** A GlobalContextEntry's data, optionally projected. */
  globalContext(name: string, projection: string): unknown;
}

/** A lookup that could not be resolved: the rule's status becomes `error` with this message. */
export class LookupError extends Error {
  override readonly name = 'LookupError';
}

/** No outside data: every lookup is unresolved. @default for engines built without lookups */
export const NO_LOOKUPS: PolicyLookups = {
  getResource: () => undefined,
  listResources: () => undefined,
  imageMetadata: () => undefined,
  http: () => undefined,
  globalContext: () => undefined,
};
