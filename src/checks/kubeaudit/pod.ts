import type { PathSegment } from '../../kernel/index.js';
import type { ContainerRef, JsonObject, Resource } from '../../k8s/index.js';
import { asObject, containersOf, podTemplateOf } from '../../k8s/index.js';
import type { OverrideScope } from './overrides.js';

/** The pod part of a workload as kubeaudit audits it. */
export interface PodRef {
  spec: JsonObject;
  specPath: readonly PathSegment[];
  metadataPath: readonly PathSegment[];
  annotations: Readonly<Record<string, string>>;
  /** `spec.securityContext`, when it is a mapping. */
  securityContext: JsonObject | undefined;
  /**
   * Containers and init containers. Ephemeral containers are left out as kubeaudit does: they are
   * added by `kubectl debug`, never written in manifests.
   */
  containers: readonly ContainerRef[];
  /** Override labels live on the pod template, not on the workload object. */
  scope: OverrideScope;
}

export function podOf(resource: Resource): PodRef | undefined {
  const template = podTemplateOf(resource);
  if (template === undefined) return undefined;
  return {
    spec: template.spec,
    specPath: template.specPath,
    metadataPath: template.metadataPath,
    annotations: template.annotations,
    securityContext: asObject(template.spec['securityContext']),
    containers: containersOf(template.spec, template.specPath).filter((c) => c.type !== 'ephemeralContainer'),
    scope: { resource, labels: template.labels, labelsPath: [...template.metadataPath, 'labels'] },
  };
}

/** Override scope of a non-workload object (a Namespace): its own labels. */
export function objectScope(resource: Resource): OverrideScope {
  return { resource, labels: resource.labels, labelsPath: ['metadata', 'labels'] };
}

/** A container's `securityContext`, when it is a mapping. */
export function securityContextOf(ref: ContainerRef): JsonObject | undefined {
  return asObject(ref.container['securityContext']);
}

/** A boolean field; anything else (absent, null, a string) counts as unset, as Kubernetes would reject it. */
export function flag(context: JsonObject | undefined, field: string): boolean | undefined {
  const value = context?.[field];
  return typeof value === 'boolean' ? value : undefined;
}
