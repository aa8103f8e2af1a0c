import type { PssCheck } from '../types.js';
import { allowPrivilegeEscalation } from './privilege-escalation.js';
import { appArmorProfile } from './apparmor.js';
import { capabilitiesBaseline, capabilitiesRestricted } from './capabilities.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { hostPorts } from './host-ports.js';
import { hostProbesAndHostLifecycle } from './host-probes.js';
import { privileged } from './privileged.js';
import { procMount, procMountRestricted } from './proc-mount.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompProfileBaseline, seccompProfileRestricted } from './seccomp.js';
import { seLinuxOptions } from './selinux.js';
import { sysctls } from './sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

/**
 * Every Pod Security Standards check, registered explicitly: baseline first, then restricted,
 * in the order checks.md lists them (violations are reported in this order).
 */
export const PSS_CHECKS: readonly PssCheck[] = [
  windowsHostProcess,
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  appArmorProfile,
  seLinuxOptions,
  procMount,
  seccompProfileBaseline,
  sysctls,
  hostProbesAndHostLifecycle,
  restrictedVolumes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];
