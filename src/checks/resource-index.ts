import { isClusterScoped } from '../k8s/index.js';
import type { Resource } from '../k8s/index.js';

/** Lookups cross-resource checks need (PDB for a Deployment, NetworkPolicies of a namespace, ...). */
export interface ResourceIndex {
  ofKind(kind: string): readonly Resource[];
  /** Resources of a kind in a namespace, plus cluster-scoped ones of that kind. */
  inNamespace(kind: string, namespace: string | undefined): readonly Resource[];
  /** Namespaces that appear on any resource or as Namespace objects. */
  namespaces(): readonly string[];
}

export function createResourceIndex(resources: readonly Resource[]): ResourceIndex {
  const byKind = new Map<string, Resource[]>();
  const namespaces = new Set<string>();
  for (const resource of resources) {
    const list = byKind.get(resource.kind);
    if (list === undefined) byKind.set(resource.kind, [resource]);
    else list.push(resource);
    if (resource.namespace !== undefined) namespaces.add(resource.namespace);
    if (resource.kind === 'Namespace' && resource.name !== '') namespaces.add(resource.name);
  }
  return {
    ofKind: (kind) => byKind.get(kind) ?? [],
    inNamespace: (kind, namespace) =>
      (byKind.get(kind) ?? []).filter((r) => isClusterScoped(r.kind) || sameNamespace(r.namespace, namespace)),
    namespaces: () => [...namespaces].sort(),
  };
}

/** A manifest without a namespace lands in `default` when applied without `-n`; treat them alike. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return (a ?? 'default') === (b ?? 'default');
}
