import type { JsonObject } from '../../../k8s/index.js';
import { asObject, getPath, isObject } from '../../../k8s/index.js';
import { POLARIS_ONLY_CHECKS } from '../info.js';
import type { ContainerSubject, PolarisCheck, Workload } from '../types.js';
import { requireContainer, verdict, requireWorkload } from '../verdict.js';

/**
 * A container passes when at least one mechanism confines it: an AppArmor annotation for it on the
 * pod template, a seccomp profile other than Unconfined (its own, or the pod's when it sets none),
 * SELinux options (pod or container), or dropped capabilities without adding ALL back.
 */
export const linuxHardening: PolarisCheck = {
  id: 'linuxHardening',
  info: POLARIS_ONLY_CHECKS.linuxHardening,
  target: { level: 'container' },
  messages: {
    pass: 'Container is confined by AppArmor, seccomp, SELinux or dropped capabilities',
    fail: 'Container is not confined by AppArmor, seccomp, SELinux or dropped capabilities',
  },
  evaluate(subject) {
    const c = requireContainer(subject);
    const workload = requireWorkload(subject);
    const ok = hasAppArmorAnnotation(c, workload) || seccompConfines(c, workload) || seLinuxConfines(c, workload) || dropsCapabilities(c);
    return verdict(ok, [...c.path, 'securityContext']);
  },
};

/** Before the appArmorProfile field, AppArmor was set per container through a pod annotation. */
function hasAppArmorAnnotation(c: ContainerSubject, workload: Workload): boolean {
  const annotations = asObject(getPath(workload.template, ['metadata', 'annotations']));
  const value = annotations?.[`container.apparmor.security.beta.kubernetes.io/${c.declaredName ?? ''}`];
  return typeof value === 'string' && value !== '';
}

function seccompConfines(c: ContainerSubject, workload: Workload): boolean {
  const podType = getPath(workload.spec, ['securityContext', 'seccompProfile', 'type']);
  const podConfines = typeof podType === 'string' && podType !== '' && podType !== 'Unconfined';
  const own = getPath(c.value, ['securityContext', 'seccompProfile', 'type']);
  // The container's profile wins over the pod's; without one it inherits the pod's.
  if (own === undefined) return podConfines;
  return typeof own === 'string' && own !== 'Unconfined' && (own !== '' || podConfines);
}

function seLinuxConfines(c: ContainerSubject, workload: Workload): boolean {
  return nonEmpty(getPath(workload.spec, ['securityContext', 'seLinuxOptions'])) || nonEmpty(getPath(c.value, ['securityContext', 'seLinuxOptions']));
}

function nonEmpty(value: unknown): value is JsonObject {
  return isObject(value) && Object.keys(value).length > 0;
}

function dropsCapabilities(c: ContainerSubject): boolean {
  const caps = asObject(getPath(c.value, ['securityContext', 'capabilities']));
  const drop = caps?.['drop'];
  if (!Array.isArray(drop) || drop.length === 0) return false;
  const add = caps?.['add'];
  if (add === undefined) return true;
  return Array.isArray(add) && add.every((cap) => typeof cap === 'string' && cap.toUpperCase() !== 'ALL');
}
