import { BosunError } from '../../kernel/index.js';
import type { Release } from './config.js';
import { parseRelease } from './config.js';

/** Lifecycle of one served API version of one kind. */
export interface ApiLifecycle {
  apiVersion: string;
  kind: string;
  introduced: Release | undefined;
  deprecated: Release;
  /** The first release that no longer serves it; undefined while no removal is scheduled. */
  removed: Release | undefined;
  replacement: { apiVersion: string; kind: string } | undefined;
}

interface Row {
  apiVersion: string;
  /** Kind → release that introduced it in this API version (undefined when not recorded). */
  kinds: Record<string, string | undefined>;
  deprecated: string;
  removed?: string;
  /** The API version to move to; the kind keeps its name unless `replacementKind` says otherwise. */
  replacement?: string;
  replacementKind?: string;
}

/**
 * Deprecated built-in API versions, from the Kubernetes deprecated API migration guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide) and the API lifecycle markers of the
 * Kubernetes API types. Releases are `major.minor`; "removed" is the first release that no longer
 * serves the version.
 */
const ROWS: readonly Row[] = [
  // Workload controllers moved to apps/v1; the old versions stopped being served in 1.16.
  { apiVersion: 'extensions/v1beta1', kinds: { DaemonSet: '1.1', Deployment: '1.1', ReplicaSet: '1.2' }, deprecated: '1.8', removed: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kinds: { StatefulSet: '1.5', Deployment: '1.6', ControllerRevision: '1.7' }, deprecated: '1.8', removed: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: { DaemonSet: '1.8', Deployment: '1.8', ReplicaSet: '1.8', StatefulSet: '1.8', ControllerRevision: '1.8' }, deprecated: '1.9', removed: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: { NetworkPolicy: '1.3' }, deprecated: '1.9', removed: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: { PodSecurityPolicy: '1.2' }, deprecated: '1.11', removed: '1.16', replacement: 'policy/v1beta1' },
  // Removed in 1.22.
  { apiVersion: 'extensions/v1beta1', kinds: { Ingress: '1.1' }, deprecated: '1.14', removed: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: { Ingress: '1.14', IngressClass: '1.18' }, deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: { MutatingWebhookConfiguration: '1.9', ValidatingWebhookConfiguration: '1.9' }, deprecated: '1.16', removed: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: { CustomResourceDefinition: '1.7' }, deprecated: '1.16', removed: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: { APIService: '1.7' }, deprecated: '1.19', removed: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: { TokenReview: '1.3' }, deprecated: '1.19', removed: '1.22', replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: { SubjectAccessReview: '1.2', SelfSubjectAccessReview: '1.2', LocalSubjectAccessReview: '1.2', SelfSubjectRulesReview: '1.8' }, deprecated: '1.19', removed: '1.22', replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: { CertificateSigningRequest: '1.12' }, deprecated: '1.19', removed: '1.22', replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: { Lease: '1.12' }, deprecated: '1.19', removed: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: { ClusterRole: '1.6', ClusterRoleBinding: '1.6', Role: '1.6', RoleBinding: '1.6' }, deprecated: '1.17', removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: { ClusterRole: undefined, ClusterRoleBinding: undefined, Role: undefined, RoleBinding: undefined }, deprecated: '1.17', removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: { PriorityClass: '1.11' }, deprecated: '1.14', removed: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: { PriorityClass: undefined }, deprecated: '1.14', removed: '1.17', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: { CSIDriver: '1.14', StorageClass: '1.4', VolumeAttachment: '1.10' }, deprecated: '1.19', removed: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: { CSINode: '1.14' }, deprecated: '1.17', removed: '1.22', replacement: 'storage.k8s.io/v1' },
  // Removed in 1.25.
  { apiVersion: 'batch/v1beta1', kinds: { CronJob: '1.8' }, deprecated: '1.21', removed: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: { EndpointSlice: '1.16' }, deprecated: '1.21', removed: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: { Event: '1.8' }, deprecated: '1.22', removed: '1.25', replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: { HorizontalPodAutoscaler: '1.8' }, deprecated: '1.22', removed: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: { PodDisruptionBudget: '1.5' }, deprecated: '1.21', removed: '1.25', replacement: 'policy/v1' },
  // PodSecurityPolicy has no successor API: Pod Security Admission replaces it.
  { apiVersion: 'policy/v1beta1', kinds: { PodSecurityPolicy: '1.10' }, deprecated: '1.21', removed: '1.25' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: { RuntimeClass: '1.14' }, deprecated: '1.22', removed: '1.25', replacement: 'node.k8s.io/v1' },
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  { apiVersion: 'autoscaling/v2beta2', kinds: { HorizontalPodAutoscaler: '1.12' }, deprecated: '1.23', removed: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: { FlowSchema: '1.20', PriorityLevelConfiguration: '1.20' }, deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: { CSIStorageCapacity: '1.21' }, deprecated: '1.24', removed: '1.27', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: { FlowSchema: '1.23', PriorityLevelConfiguration: '1.23' }, deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: { FlowSchema: '1.26', PriorityLevelConfiguration: '1.26' }, deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

/** Every deprecated API version and kind Bosun knows, keyed `apiVersion kind`. */
export const API_LIFECYCLES: ReadonlyMap<string, ApiLifecycle> = new Map(
  ROWS.flatMap((row) =>
    Object.entries(row.kinds).map(([kind, introduced]): [string, ApiLifecycle] => [
      `${row.apiVersion} ${kind}`,
      {
        apiVersion: row.apiVersion,
        kind,
        introduced: parseRelease(introduced),
        deprecated: release(row.deprecated),
        removed: parseRelease(row.removed),
        replacement: row.replacement === undefined ? undefined : { apiVersion: row.replacement, kind: row.replacementKind ?? kind },
      },
    ]),
  ),
);

export function findLifecycle(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return API_LIFECYCLES.get(`${apiVersion} ${kind}`);
}

/** `batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+, introduced in v1.8+; use batch/v1 CronJob`: kubeaudit's wording, kept so its users' tooling keeps matching. */
export function deprecationMessage(api: ApiLifecycle): string {
  let message = `${api.apiVersion} ${api.kind} is deprecated in ${text(api.deprecated)}+`;
  if (api.removed !== undefined) message += `, unavailable in ${text(api.removed)}+`;
  if (api.introduced !== undefined) message += `, introduced in ${text(api.introduced)}+`;
  if (api.replacement !== undefined) message += `; use ${api.replacement.apiVersion} ${api.replacement.kind}`;
  return message;
}

const MESSAGE = /^(\S+) (\S+) is deprecated in v(\d+)\.(\d+)\+(?:, unavailable in v(\d+)\.(\d+)\+)?(?:, introduced in v(\d+)\.(\d+)\+)?(?:; use (\S+) (\S+))?$/;

/**
 * kubeaudit's metadata for a DeprecatedAPIUsed result, read back from its message: the message
 * carries every field, so the native view needs nothing beyond the CheckResult.
 */
export function deprecationMetadata(message: string): Record<string, string> | undefined {
  const m = MESSAGE.exec(message);
  if (m === null) return undefined;
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  put('DeprecatedMajor', m[3]);
  put('DeprecatedMinor', m[4]);
  put('RemovedMajor', m[5]);
  put('RemovedMinor', m[6]);
  put('IntroducedMajor', m[7]);
  put('IntroducedMinor', m[8]);
  put('ReplacementGroup', m[9]);
  put('ReplacementKind', m[10]);
  return out;
}

function release(value: string): Release {
  const parsed = parseRelease(value);
  if (parsed === undefined) throw new BosunError('internal', `bad release ${value} in the deprecation table`);
  return parsed;
}

function text(r: Release): string {
  return `v${r.major}.${r.minor}`;
}
