import type { Severity } from '../../findings/index.js';
import type { PolarisSeverity } from './types.js';

/**
 * Severity of every built-in check when the family config says nothing, as Polaris ships them.
 * ref. FairwindsOps/polaris pkg/config/default.yaml
 */
export const DEFAULT_SEVERITIES: Readonly<Record<string, PolarisSeverity>> = {
  deploymentMissingReplicas: 'warning',
  priorityClassNotSet: 'warning',
  tagNotSpecified: 'danger',
  pullPolicyNotAlways: 'warning',
  readinessProbeMissing: 'warning',
  livenessProbeMissing: 'warning',
  metadataAndInstanceMismatched: 'warning',
  pdbDisruptionsIsZero: 'warning',
  missingPodDisruptionBudget: 'warning',
  topologySpreadConstraint: 'warning',
  hpaMaxAvailability: 'warning',
  hpaMinAvailability: 'warning',
  pdbMinAvailableGreaterThanHPAMinReplicas: 'warning',
  cpuRequestsMissing: 'warning',
  cpuLimitsMissing: 'warning',
  memoryRequestsMissing: 'warning',
  memoryLimitsMissing: 'warning',
  automountServiceAccountToken: 'warning',
  hostIPCSet: 'danger',
  hostPathSet: 'warning',
  hostProcess: 'warning',
  hostPIDSet: 'danger',
  linuxHardening: 'warning',
  missingNetworkPolicy: 'warning',
  notReadOnlyRootFilesystem: 'warning',
  privilegeEscalationAllowed: 'danger',
  procMount: 'warning',
  runAsRootAllowed: 'danger',
  runAsPrivileged: 'danger',
  dangerousCapabilities: 'danger',
  insecureCapabilities: 'warning',
  hostNetworkSet: 'danger',
  hostPortSet: 'warning',
  tlsSettingsMissing: 'warning',
  sensitiveContainerEnvVar: 'danger',
  sensitiveConfigmapContent: 'danger',
  clusterrolePodExecAttach: 'danger',
  rolePodExecAttach: 'danger',
  clusterrolebindingPodExecAttach: 'danger',
  rolebindingClusterRolePodExecAttach: 'danger',
  rolebindingRolePodExecAttach: 'danger',
  clusterrolebindingClusterAdmin: 'danger',
  rolebindingClusterAdminClusterRole: 'danger',
  rolebindingClusterAdminRole: 'danger',
};

/** danger → high, warning → medium: where Polaris's two levels sit on Bosun's scale. */
export function toBosunSeverity(severity: Exclude<PolarisSeverity, 'ignore'>): Severity {
  return severity === 'danger' ? 'high' : 'medium';
}

/** Scores count a failure as a warning only at `medium`; Polaris counts every other level as danger. */
export function isWarningSeverity(severity: Severity | undefined): boolean {
  return severity === 'medium';
}
