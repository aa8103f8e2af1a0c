import type { CheckInfo } from '../types.js';

/**
 * Checks only kubeaudit reports. Facts other families share (privileged, host namespaces, ...)
 * come from the shared catalog instead, so their findings merge.
 */
export const APPARMOR_ANNOTATION_MISSING: CheckInfo = {
  id: 'apparmor-annotation-missing',
  title: 'Container has no AppArmor profile',
  severity: 'high',
  category: 'Pod Security',
  description: 'Without an AppArmor profile the container runs with whatever the node defaults to, which may be no confinement at all.',
  remediation: 'Add the pod annotation `container.apparmor.security.beta.kubernetes.io/<container>: runtime/default` (or set `securityContext.appArmorProfile.type: RuntimeDefault`).',
  compatibleIds: ['kubeaudit:AppArmorAnnotationMissing'],
};

export const APPARMOR_PROFILE_INVALID: CheckInfo = {
  id: 'apparmor-profile-invalid',
  title: 'AppArmor annotation has an unsupported value',
  severity: 'high',
  category: 'Pod Security',
  description: 'Only `runtime/default` and `localhost/<profile>` name a real profile; any other value is rejected by the API server or leaves the container unconfined.',
  remediation: 'Set the annotation to `runtime/default` or to `localhost/<profile>` for a profile loaded on the nodes.',
  compatibleIds: ['kubeaudit:AppArmorBadValue'],
};

export const APPARMOR_ANNOTATION_ORPHANED: CheckInfo = {
  id: 'apparmor-annotation-orphaned',
  title: 'AppArmor annotation names a container that does not exist',
  severity: 'high',
  category: 'Pod Security',
  description: 'The API server rejects a pod whose AppArmor annotation refers to a missing container; usually a container was renamed and its profile silently dropped.',
  remediation: 'Rename the annotation to match the container, or remove it.',
  compatibleIds: ['kubeaudit:AppArmorInvalidAnnotation'],
};

export const SECCOMP_ANNOTATION_DEPRECATED: CheckInfo = {
  id: 'seccomp-annotation-deprecated',
  title: 'Seccomp is set with deprecated annotations',
  severity: 'medium',
  category: 'Pod Security',
  description: 'The seccomp annotations stopped having any effect in Kubernetes 1.27; only `securityContext.seccompProfile` applies a profile.',
  remediation: 'Replace the annotations with `spec.securityContext.seccompProfile.type: RuntimeDefault` (or Localhost).',
  compatibleIds: ['kubeaudit:SeccompDeprecatedAnnotations'],
};

export const IMAGE_TAG_MISMATCH: CheckInfo = {
  id: 'image-tag-mismatch',
  title: 'Image tag differs from the approved one',
  severity: 'high',
  category: 'Reliability',
  description: 'The configured image is approved at one tag; running another tag of it bypasses that approval.',
  remediation: 'Use the approved tag, or update the approved image in the kubeaudit family config.',
  compatibleIds: ['kubeaudit:ImageTagIncorrect', 'kubeaudit:ImageCorrect'],
};

export const SENSITIVE_HOST_PATH_MOUNTED: CheckInfo = {
  id: 'sensitive-host-path-mounted',
  title: 'Container mounts a sensitive host path',
  severity: 'high',
  category: 'Pod Security',
  description: 'Host paths such as the container runtime socket, /proc, /etc or kubelet credentials give the container control over the node.',
  remediation: 'Remove the hostPath volume and its mounts; if the workload truly needs it, document why with an override label.',
  compatibleIds: ['kubeaudit:SensitivePathsMounted'],
};

export const DEPRECATED_API_VERSION: CheckInfo = {
  id: 'deprecated-api-version',
  title: 'Resource uses a deprecated API version',
  severity: 'medium',
  category: 'Reliability',
  description: 'Deprecated API versions are removed in a later Kubernetes release; manifests using them stop applying after the upgrade.',
  remediation: 'Move the manifest to the replacement API version named in the message.',
  compatibleIds: ['kubeaudit:DeprecatedAPIUsed'],
};

export const DEFAULT_DENY_POLICY_MISSING: CheckInfo = {
  id: 'default-deny-network-policy-missing',
  title: 'Namespace has no default-deny NetworkPolicy',
  severity: 'high',
  category: 'Networking',
  description: 'Without a policy that selects every pod and allows nothing, any pod not covered by another policy accepts and sends all traffic.',
  remediation: 'Add a NetworkPolicy with `podSelector: {}`, the missing policyTypes (Ingress, Egress) and no rules.',
  compatibleIds: [
    'kubeaudit:MissingDefaultDenyIngressAndEgressNetworkPolicy',
    'kubeaudit:MissingDefaultDenyIngressNetworkPolicy',
    'kubeaudit:MissingDefaultDenyEgressNetworkPolicy',
  ],
};

export const ALLOW_ALL_NETWORK_POLICY: CheckInfo = {
  id: 'network-policy-allows-all',
  title: 'NetworkPolicy allows all traffic',
  severity: 'medium',
  category: 'Networking',
  description: 'A rule without `from` (ingress) or `to` (egress) matches every peer, undoing the namespace\'s default deny for the pods it selects.',
  remediation: 'Restrict the rule to the peers the workload needs with podSelector, namespaceSelector or ipBlock.',
  compatibleIds: ['kubeaudit:AllowAllIngressNetworkPolicyExists', 'kubeaudit:AllowAllEgressNetworkPolicyExists'],
};

export const SERVICE_ACCOUNT_FIELD_DEPRECATED: CheckInfo = {
  id: 'service-account-field-deprecated',
  title: 'Pod uses the deprecated serviceAccount field',
  severity: 'medium',
  category: 'Security',
  description: '`serviceAccount` is an old alias of `serviceAccountName`; tools that read only the new field misjudge which identity the pod runs as.',
  remediation: 'Rename `serviceAccount` to `serviceAccountName`.',
  compatibleIds: ['kubeaudit:AutomountServiceAccountTokenDeprecated'],
};

export const OVERRIDE_REDUNDANT: CheckInfo = {
  id: 'override-redundant',
  title: 'kubeaudit override label has nothing to override',
  severity: 'medium',
  category: 'Hygiene',
  description: 'An exception that no longer matches a problem stays in place and silently allows the problem if it comes back.',
  remediation: 'Remove the override label.',
  compatibleIds: ['kubeaudit:RedundantAuditorOverride'],
};
