import { containerContextPath, containerSecurityContext, podContextPath } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** No level may say false, and every container must end up true: its own setting or the pod's. */
function mayRunAsRoot(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  const podValue = pod.securityContext?.['runAsNonRoot'];
  if (podValue === false) {
    problems.push({
      facet: 'run-as-root',
      subject: 'pod',
      issue: 'must not set securityContext.runAsNonRoot=false',
      path: podContextPath(pod, 'runAsNonRoot'),
    });
  }
  for (const ref of pod.containers) {
    const value = containerSecurityContext(ref)?.['runAsNonRoot'];
    if (value === true || (value !== false && podValue === true)) continue;
    problems.push(
      value === false
        ? {
            facet: 'run-as-root',
            subject: 'container',
            container: ref.name,
            issue: 'must not set securityContext.runAsNonRoot=false',
            path: containerContextPath(ref, 'runAsNonRoot'),
          }
        : {
            facet: 'run-as-root',
            subject: 'pod-or-container',
            container: ref.name,
            issue: 'must set securityContext.runAsNonRoot=true',
            path: containerContextPath(ref, 'runAsNonRoot'),
          },
    );
  }
  return problems;
}

/**
 * ref. PSS restricted: Running as Non-root — runAsNonRoot must be true. From 1.35 pods with
 * hostUsers: false are exempt: root in a user namespace is not root on the node (KEP-127).
 */
export const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  control: 'Running as Non-root',
  forbiddenReason: 'runAsNonRoot != true',
  facets: ['run-as-root'],
  versions: [
    { since: 0, evaluate: mayRunAsRoot },
    { since: 35, evaluate: (pod) => (pod.userNamespaced ? [] : mayRunAsRoot(pod)) },
  ],
};
