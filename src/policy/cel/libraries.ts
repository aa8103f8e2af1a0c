import type { Environment } from '@marcbachmann/cel-js';
import { isObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { PolicyLookups } from '../ports.js';
import { LookupError } from '../ports.js';
import { parseImage } from '../variables/index.js';
import type { ImageInfo } from '../variables/index.js';

/**
 * Kyverno's CEL libraries, ref. kyverno.io/docs "CEL libraries": `image(ref)` with its accessors,
 * `image.GetMetadata(ref)` / `imagedata.Get(ref)`, `resource.Get/List/Post`, `http.Get/Post`,
 * `globalContext.Get` and `time.now()`. The library receivers are activation values bound to the
 * caller's lookups, so one compiled expression serves every evaluation.
 */
export class ImageRef {
  constructor(readonly info: ImageInfo) {}
}
export class ImageDataLib {
  constructor(readonly lookups: PolicyLookups) {}
}
export class ResourceLib {
  constructor(readonly lookups: PolicyLookups) {}
}
export class HttpLib {
  constructor(readonly lookups: PolicyLookups) {}
}
export class GlobalContextLib {
  constructor(readonly lookups: PolicyLookups) {}
}
export class TimeLib {
  constructor(readonly now: () => Date) {}
}

/** Activation entries for the libraries, bound to one evaluation's lookups and clock. */
export function libraryBindings(lookups: PolicyLookups, now: () => Date): Record<string, unknown> {
  const images = new ImageDataLib(lookups);
  return {
    image: images,
    imagedata: images,
    resource: new ResourceLib(lookups),
    http: new HttpLib(lookups),
    globalContext: new GlobalContextLib(lookups),
    time: new TimeLib(now),
  };
}

// A reference as the image library accepts it: optional registry host, lower-case path, tag, digest.
const IMAGE_REF = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[a-z0-9]+:[a-fA-F0-9]{32,})?$/;

function toImage(ref: string): ImageRef {
  if (!IMAGE_REF.test(ref)) throw new Error(`invalid image reference: ${ref}`);
  return new ImageRef(parseImage(ref));
}

function metadata(lib: ImageDataLib, ref: string): JsonObject {
  const found = lib.lookups.imageMetadata(ref);
  if (found === undefined) throw new LookupError(`image metadata for ${ref} is not available (no registry access; give it in the test's context images)`);
  const info = parseImage(ref);
  return { image: ref, resolvedImage: info.reference, registry: info.registry, repository: info.path, identifier: info.digest || info.tag, ...found };
}

function getResource(lib: ResourceLib, apiVersion: string, resource: string, namespace: string, name: string): JsonObject {
  const found = lib.lookups.getResource(apiVersion, resource, namespace, name);
  if (found === undefined) throw new LookupError(`resource ${apiVersion} ${resource} ${namespace === '' ? '' : `${namespace}/`}${name} not found`);
  return found;
}

function listResources(lib: ResourceLib, apiVersion: string, resource: string, namespace: string): JsonObject {
  const items = lib.lookups.listResources(apiVersion, resource, namespace);
  if (items === undefined) throw new LookupError(`cannot list ${apiVersion} ${resource}`);
  return { apiVersion, kind: 'List', items };
}

function httpCall(lib: HttpLib, method: 'GET' | 'POST', url: string, body?: unknown, headers?: unknown): unknown {
  const request: Parameters<PolicyLookups['http']>[0] = { method, url };
  if (body !== undefined) request.body = body;
  if (headers instanceof Map) request.headers = Object.fromEntries([...headers].map(([k, v]) => [String(k), String(v)]));
  else if (isObject(headers)) request.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
  const response = lib.lookups.http(request);
  if (response === undefined) throw new LookupError(`http ${method} ${url} is not available (offline evaluation has no network)`);
  return response;
}

/** Registers the libraries on one CEL environment (validate, mutate and generate each have one). */
export function registerKyvernoLibraries(env: Environment): void {
  env.registerType('kyverno.Image', ImageRef);
  env.registerType('kyverno.ImageData', ImageDataLib);
  env.registerType('kyverno.Resource', ResourceLib);
  env.registerType('kyverno.Http', HttpLib);
  env.registerType('kyverno.GlobalContext', GlobalContextLib);
  env.registerType('kyverno.Time', TimeLib);
  env.registerFunction('image(string): kyverno.Image', toImage);
  env.registerFunction('isImage(string): bool', (ref: string) => IMAGE_REF.test(ref));
  env.registerFunction('kyverno.Image.registry(): string', (i: ImageRef) => i.info.registry);
  env.registerFunction('kyverno.Image.repository(): string', (i: ImageRef) => i.info.path);
  env.registerFunction('kyverno.Image.identifier(): string', (i: ImageRef) => i.info.digest || i.info.tag);
  env.registerFunction('kyverno.Image.tag(): string', (i: ImageRef) => i.info.tag);
  env.registerFunction('kyverno.Image.digest(): string', (i: ImageRef) => i.info.digest);
  env.registerFunction('kyverno.Image.containsDigest(): bool', (i: ImageRef) => i.info.digest !== '');
  env.registerFunction('kyverno.ImageData.GetMetadata(string): dyn', metadata);
  env.registerFunction('kyverno.ImageData.Get(string): dyn', metadata);
  env.registerFunction('kyverno.Resource.Get(string, string, string, string): dyn', getResource);
  env.registerFunction('kyverno.Resource.List(string, string, string): dyn', listResources);
  env.registerFunction('kyverno.Resource.Post(string, string, string, dyn): dyn', (_lib: ResourceLib, apiVersion: string, resource: string) => {
    throw new LookupError(`resource.Post ${apiVersion} ${resource} needs a cluster`);
  });
  env.registerFunction('kyverno.Http.Get(string): dyn', (lib: HttpLib, url: string) => httpCall(lib, 'GET', url));
  env.registerFunction('kyverno.Http.Get(string, map): dyn', (lib: HttpLib, url: string, headers: unknown) => httpCall(lib, 'GET', url, undefined, headers));
  env.registerFunction('kyverno.Http.Post(string, dyn): dyn', (lib: HttpLib, url: string, body: unknown) => httpCall(lib, 'POST', url, body));
  env.registerFunction('kyverno.Http.Post(string, dyn, map): dyn', (lib: HttpLib, url: string, body: unknown, headers: unknown) => httpCall(lib, 'POST', url, body, headers));
  env.registerFunction('kyverno.GlobalContext.Get(string, string): dyn', (lib: GlobalContextLib, name: string, projection: string) => {
    const value = lib.lookups.globalContext(name, projection);
    if (value === undefined) throw new LookupError(`global context entry ${name} is not available`);
    return value;
  });
  env.registerFunction('kyverno.Time.now(): google.protobuf.Timestamp', (t: TimeLib) => t.now());
}
