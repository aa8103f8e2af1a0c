import type { CheckInfo } from '../types.js';

/** RBAC, exposure and credentials: Polaris covers part, Bosun's own checks the rest. */
export const ACCESS_CHECKS = [
  {
    id: 'rbac-pod-exec',
    title: 'Role grants exec or attach into pods',
    severity: 'high',
    category: 'RBAC',
    description: 'pods/exec and pods/attach give a shell in any pod the role reaches, with that pod\'s secrets and service account.',
    remediation: 'Remove `pods/exec` and `pods/attach` (and wildcards that include them) from the role, or restrict who is bound to it.',
    compatibleIds: ['polaris:clusterrolePodExecAttach', 'polaris:rolePodExecAttach', 'bosun:rbac-pod-exec'],
  },
  {
    id: 'rbac-binding-pod-exec',
    title: 'Binding grants exec or attach into pods',
    severity: 'high',
    category: 'RBAC',
    description: 'The binding gives its subjects a role that allows pods/exec or pods/attach.',
    remediation: 'Bind a role without pods/exec and pods/attach, or limit the subjects.',
    compatibleIds: ['polaris:clusterrolebindingPodExecAttach', 'polaris:rolebindingClusterRolePodExecAttach', 'polaris:rolebindingRolePodExecAttach'],
  },
  {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding grants cluster-admin',
    severity: 'critical',
    category: 'RBAC',
    description: 'cluster-admin can do anything to any resource; its subjects own the cluster.',
    remediation: 'Bind a role with only the verbs and resources the subject needs.',
    compatibleIds: ['polaris:clusterrolebindingClusterAdmin', 'polaris:rolebindingClusterAdminClusterRole', 'polaris:rolebindingClusterAdminRole', 'bosun:rbac-cluster-admin-binding'],
  },
  {
    id: 'network-policy-missing',
    title: 'No NetworkPolicy selects the workload',
    severity: 'medium',
    category: 'Networking',
    description: 'Without a NetworkPolicy every pod in the cluster can reach this workload and it can reach everything.',
    remediation: 'Add a NetworkPolicy whose podSelector matches the workload\'s pod labels.',
    compatibleIds: ['polaris:missingNetworkPolicy'],
  },
  {
    id: 'secret-in-env',
    title: 'Credential in a plain environment variable',
    severity: 'high',
    category: 'Secrets',
    description: 'Values in the manifest end up in version control, in etcd unencrypted and in `kubectl describe` output.',
    remediation: 'Move the value into a Secret and reference it with `valueFrom.secretKeyRef`.',
    compatibleIds: ['polaris:sensitiveContainerEnvVar', 'bosun:secret-in-env'],
  },
  {
    id: 'secret-in-configmap',
    title: 'Credential stored in a ConfigMap',
    severity: 'high',
    category: 'Secrets',
    description: 'ConfigMaps are not meant for secrets: they are readable by more roles and never encrypted at rest.',
    remediation: 'Move the value into a Secret (or an external secret store) and reference it from there.',
    compatibleIds: ['polaris:sensitiveConfigmapContent', 'bosun:secret-in-configmap'],
  },
] as const satisfies readonly CheckInfo[];
