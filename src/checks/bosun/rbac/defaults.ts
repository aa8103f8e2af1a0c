import type { Resource } from '../../../k8s/index.js';

/** User-facing roles the API server creates and reconciles itself. */
const DEFAULT_ROLE_NAMES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/**
 * Kubernetes' own RBAC objects, which cluster dumps contain by the dozen and users do not own.
 * The `system:` prefix is reserved for Kubernetes components (ref. Kubernetes docs, "Using RBAC
 * Authorization", Default roles and role bindings). The four user-facing defaults carry the
 * `kubernetes.io/bootstrapping: rbac-defaults` label; we require label and name together so a
 * custom role cannot opt out by copying the label alone.
 */
export function isKubernetesDefault(resource: Resource): boolean {
  if (resource.name.startsWith('system:')) return true;
  return resource.labels['kubernetes.io/bootstrapping'] === 'rbac-defaults' && DEFAULT_ROLE_NAMES.has(resource.name);
}
