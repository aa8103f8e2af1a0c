import type { PathSegment } from '../kernel/index.js';
import type { ContainerRef, JsonObject } from '../k8s/index.js';
import { asObject, containersOf, getPath, stringMap } from '../k8s/index.js';

/** What a PSS check reads: a pod spec and metadata, with their paths from the resource root. */
export interface PodView {
  spec: JsonObject;
  specPath: readonly PathSegment[];
  metadataPath: readonly PathSegment[];
  annotations: Readonly<Record<string, string>>;
  /** `spec.securityContext`, when it is a mapping. */
  securityContext: JsonObject | undefined;
  /** initContainers, containers and ephemeralContainers: PSA visits all three. */
  containers: readonly ContainerRef[];
  /** `spec.hostUsers` is explicitly false: the pod runs in its own user namespace (KEP-127). */
  userNamespaced: boolean;
  /** `spec.os.name` is `windows`: Linux-only restricted checks exempt the pod from 1.25 on. */
  windows: boolean;
}

/** Pod spec and metadata to evaluate; paths default to a Pod's own layout. */
export interface PodSecurityInput {
  spec: JsonObject;
  metadata?: JsonObject;
  /** @default ['spec'] */
  specPath?: readonly PathSegment[];
  /** @default ['metadata'] */
  metadataPath?: readonly PathSegment[];
}

export function podView(input: PodSecurityInput): PodView {
  const specPath = input.specPath ?? ['spec'];
  const spec = input.spec;
  return {
    spec,
    specPath,
    metadataPath: input.metadataPath ?? ['metadata'],
    annotations: stringMap(input.metadata?.['annotations']),
    securityContext: asObject(spec['securityContext']),
    containers: containersOf(spec, specPath),
    userNamespaced: spec['hostUsers'] === false,
    windows: getPath(spec, ['os', 'name']) === 'windows',
  };
}

/** A container's `securityContext`, when it is a mapping. */
export function containerSecurityContext(ref: ContainerRef): JsonObject | undefined {
  return asObject(ref.container['securityContext']);
}

/** Path of a field under a container's securityContext. */
export function containerContextPath(ref: ContainerRef, ...rest: PathSegment[]): PathSegment[] {
  return [...ref.path, 'securityContext', ...rest];
}

/** Path of a field under the pod's securityContext. */
export function podContextPath(pod: PodView, ...rest: PathSegment[]): PathSegment[] {
  return [...pod.specPath, 'securityContext', ...rest];
}

/** A field value is set: Kubernetes decodes `null` as unset. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Text of a scalar for messages; strings stay bare so callers can quote them. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}
