import type { PathSegment } from '../kernel/index.js';
import type { PodView } from './pod.js';

/**
 * The fact a problem states, finer than a check (hostNamespaces has host-network, host-pid and
 * host-ipc). Spelled as the config-audit shared catalog spells its checks, so the `pss` family can
 * report a facet as a shared check and merge with other families; that family's compile fails if a
 * facet here is not a shared check id.
 */
export type PssFacet =
  | 'apparmor-unconfined'
  | 'capabilities-added'
  | 'capabilities-not-dropped'
  | 'host-ipc'
  | 'host-network'
  | 'host-path-volume'
  | 'host-pid'
  | 'host-port'
  | 'privilege-escalation-allowed'
  | 'privileged-container'
  | 'probe-host-set'
  | 'proc-mount-unmasked'
  | 'run-as-root'
  | 'run-as-user-root'
  | 'seccomp-profile-missing'
  | 'seccomp-unconfined'
  | 'selinux-options-forbidden'
  | 'unsafe-sysctls'
  | 'volume-type-restricted'
  | 'windows-host-process';

/** The two enforcing Pod Security Standards levels (`privileged` enforces nothing). */
export type PssLevel = 'baseline' | 'restricted';

/**
 * The 19 check ids of k8s.io/pod-security-admission, spelled as upstream spells them
 * (they appear in compatible ids such as `pss:restricted/capabilities_restricted`).
 */
export type PssCheckId =
  | 'windowsHostProcess'
  | 'hostNamespaces'
  | 'privileged'
  | 'capabilities_baseline'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'procMount'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'hostProbesAndHostLifecycle'
  | 'restrictedVolumes'
  | 'allowPrivilegeEscalation'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted'
  | 'capabilities_restricted'
  | 'procMount_restricted';

/** A policy version: always Kubernetes 1.x, so the minor number says it all. */
export interface PssVersion {
  minor: number;
  /** `v1.<minor>`, after `latest` has been resolved. */
  label: string;
}

/**
 * Who a problem is about, which decides how details read:
 * `pod` and `container` faults read `pod and containers "a", "b" <issue>`;
 * `pod-or-container` faults (a value neither level sets) read `pod or containers "a" <issue>`;
 * `other` faults (volumes, annotations, sysctls, namespaces) state their issue alone.
 */
export type PssSubject = 'pod' | 'container' | 'pod-or-container' | 'other';

/** One offending field. A failing check has one or more. */
export interface PssProblem {
  /** The fact at fault; config audit reports it as the shared check of the same id. */
  facet: PssFacet;
  subject: PssSubject;
  /** Container at fault; unset for pod-level faults. */
  container?: string;
  /** The fault, worded to follow its subject: `must not set securityContext.privileged=true`. */
  issue: string;
  /** The offending field (or where the missing one belongs), from the resource root. */
  path: readonly PathSegment[];
  /**
   * The offending values when the field is a list and only some of its items are at fault
   * (`capabilities.add`); `path` then points at the first of them. Per-value exclusions need it.
   */
  values?: readonly string[];
}

/** One implementation of a check, in force from a policy version on. */
export interface PssCheckVersion {
  /** Minor version (1.x) from which this implementation applies. */
  since: number;
  /** Baseline checks this restricted implementation replaces while it is in force. */
  overrides?: readonly PssCheckId[];
  /** Problems found; empty when the pod is allowed. */
  evaluate(pod: PodView): PssProblem[];
}

/** A Pod Security Standards check with its versioned implementations. */
export interface PssCheck {
  id: PssCheckId;
  level: PssLevel;
  /** The control's name in the Pod Security Standards page (Kyverno `exclude.controlName`). */
  control: string;
  /** Short reason a failing pod is forbidden, as PSA words it (conformance matches on it). */
  forbiddenReason: string;
  /** Reason when several values are at fault, where PSA pluralises. @default forbiddenReason */
  forbiddenReasonPlural?: string;
  /** Every facet a problem of this check may state (config-audit pass results use all of them). */
  facets: readonly PssFacet[];
  /** Oldest first. */
  versions: readonly PssCheckVersion[];
}

/** A failing check, as PSA reports it, plus the fields at fault. */
export interface PssViolation {
  checkId: PssCheckId;
  level: PssLevel;
  forbiddenReason: string;
  /** Names the containers, volumes or values at fault. */
  detail: string;
  problems: readonly PssProblem[];
}

/** Outcome of evaluating one pod (or pod template) at a level and version. */
export interface PodSecurityVerdict {
  allowed: boolean;
  level: PssLevel;
  /** The version evaluated, `latest` resolved (`v1.37`). */
  version: string;
  violations: PssViolation[];
  /** Checks that ran and passed, in evaluation order. */
  passed: PssCheckId[];
}
