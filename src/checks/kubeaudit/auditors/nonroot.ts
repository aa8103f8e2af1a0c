import type { ContainerRef, Resource } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { pushOverridden } from '../overrides.js';
import type { PodRef } from '../pod.js';
import { flag, podOf, securityContextOf } from '../pod.js';
import type { Issue } from '../result.js';

const RUN_AS_ROOT = sharedCheck('run-as-root');
const RUN_AS_USER_ROOT = sharedCheck('run-as-user-root');
const OVERRIDE_LABEL = 'allow-run-as-root';

/** ref. kubeaudit nonroot auditor: every container must be kept from running as UID 0. */
export const nonroot = {
  name: 'nonroot',
  checks: [RUN_AS_ROOT, RUN_AS_USER_ROOT],
  audit(resource) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const out: CheckResult[] = [];
    for (const ref of pod.containers) pushOverridden(out, containerIssue(resource, pod, ref), pod.scope, OVERRIDE_LABEL, ref.name);
    return out;
  },
} satisfies Auditor;

/**
 * The first problem in kubeaudit's order. A runAsUser (container first, then pod) decides alone:
 * a non-zero UID is enough without runAsNonRoot. Only without any runAsUser does runAsNonRoot
 * matter, the container's value overriding the pod's.
 */
function containerIssue(resource: Resource, pod: PodRef, ref: ContainerRef): Issue | undefined {
  const context = securityContextOf(ref);
  const containerUser = runAsUser(context?.['runAsUser']);
  const podUser = runAsUser(pod.securityContext?.['runAsUser']);
  const base = { resource, container: ref.name };
  const containerField = [...ref.path, 'securityContext'];
  const podField = [...pod.specPath, 'securityContext'];
  if (containerUser !== undefined) {
    if (containerUser === 0) {
      return { ...base, rule: 'RunAsUserCSCRoot', level: 'error', check: RUN_AS_USER_ROOT, path: [...containerField, 'runAsUser'], message: `Container ${ref.name} sets runAsUser: 0 and runs as root.` };
    }
    if (podUser === 0) {
      // The container's own UID wins, so the pod-level 0 is only a latent risk for containers added later.
      return { ...base, rule: 'RunAsUserPSCRoot', level: 'warning', check: RUN_AS_USER_ROOT, path: [...podField, 'runAsUser'], message: `The pod sets runAsUser: 0; container ${ref.name} overrides it, but other containers would run as root.` };
    }
    return undefined;
  }
  if (podUser !== undefined) {
    if (podUser !== 0) return undefined;
    return { ...base, rule: 'RunAsUserPSCRoot', level: 'error', check: RUN_AS_USER_ROOT, path: [...podField, 'runAsUser'], message: `The pod sets runAsUser: 0 and container ${ref.name} does not override it, so it runs as root.` };
  }
  const containerNonRoot = flag(context, 'runAsNonRoot');
  if (containerNonRoot === false) {
    return { ...base, rule: 'RunAsNonRootCSCFalse', level: 'error', check: RUN_AS_ROOT, path: [...containerField, 'runAsNonRoot'], message: `Container ${ref.name} sets runAsNonRoot: false and no runAsUser.` };
  }
  if (containerNonRoot === true) return undefined;
  const podNonRoot = flag(pod.securityContext, 'runAsNonRoot');
  if (podNonRoot === undefined) {
    return { ...base, rule: 'RunAsNonRootPSCNilCSCNil', level: 'error', check: RUN_AS_ROOT, path: ref.path, message: `Neither container ${ref.name} nor the pod sets runAsNonRoot: true or a non-zero runAsUser.` };
  }
  if (podNonRoot === false) {
    return { ...base, rule: 'RunAsNonRootPSCFalseCSCNil', level: 'error', check: RUN_AS_ROOT, path: [...podField, 'runAsNonRoot'], message: `The pod sets runAsNonRoot: false and container ${ref.name} sets neither runAsNonRoot nor runAsUser.` };
  }
  return undefined;
}

/** A UID, when the field holds a number. */
function runAsUser(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
