import { apiGroup } from './resource.js';

/**
 * Built-in API groups and the kinds they serve. An object in one of these groups with a kind not listed
 * is almost always a typo (`Deploymnet`); an object in any other group is a custom resource.
 * ref. Kubernetes API reference v1.33.
 */
const BUILT_IN_KINDS: Record<string, readonly string[]> = {
  '': [
    'Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node',
    'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota',
    'Secret', 'Service', 'ServiceAccount', 'List',
  ],
  apps: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  batch: ['CronJob', 'Job'],
  autoscaling: ['HorizontalPodAutoscaler'],
  policy: ['PodDisruptionBudget', 'PodSecurityPolicy', 'Eviction'],
  'networking.k8s.io': ['Ingress', 'IngressClass', 'NetworkPolicy', 'IPAddress', 'ServiceCIDR'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'storage.k8s.io': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'],
  'scheduling.k8s.io': ['PriorityClass'],
  'node.k8s.io': ['RuntimeClass'],
  'coordination.k8s.io': ['Lease'],
  'discovery.k8s.io': ['EndpointSlice'],
  'events.k8s.io': ['Event'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  ],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io': ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
  extensions: ['DaemonSet', 'Deployment', 'Ingress', 'NetworkPolicy', 'PodSecurityPolicy', 'ReplicaSet'],
  'authentication.k8s.io': ['TokenReview', 'TokenRequest', 'SelfSubjectReview'],
  'authorization.k8s.io': ['SubjectAccessReview', 'SelfSubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectRulesReview'],
};

/**
 * `misplaced`: a built-in kind under a built-in group that does not serve it (`v1` Deployment). The
 * API server would refuse it, but the intent is clear, so it is audited with a warning.
 */
export type KindStatus = 'built-in' | 'custom' | 'misplaced' | 'unknown-built-in';

/** Classifies an apiVersion/kind pair; see BUILT_IN_KINDS for why `unknown-built-in` is suspicious. */
export function classifyKind(apiVersion: string, kind: string): KindStatus {
  const group = apiGroup(apiVersion);
  const kinds = BUILT_IN_KINDS[group];
  if (kinds === undefined) return 'custom';
  if (kinds.includes(kind)) return 'built-in';
  return servingGroups(kind).length > 0 ? 'misplaced' : 'unknown-built-in';
}

/** Built-in groups that serve a kind, e.g. `apps` for Deployment; '' is the core group. */
export function servingGroups(kind: string): string[] {
  return Object.entries(BUILT_IN_KINDS)
    .filter(([, kinds]) => kinds.includes(kind))
    .map(([group]) => group);
}

/** Kinds that run pods, and where their pod template sits. */
export const WORKLOAD_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** Cluster-scoped built-in kinds: they never carry a namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PriorityClass',
  'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'RuntimeClass', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'IngressClass', 'PodSecurityPolicy', 'CertificateSigningRequest', 'ComponentStatus',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
