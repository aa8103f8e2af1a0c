import { containerContextPath, containerSecurityContext } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

function escalating(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  for (const ref of pod.containers) {
    if (containerSecurityContext(ref)?.['allowPrivilegeEscalation'] === false) continue;
    problems.push({
      facet: 'privilege-escalation-allowed',
      subject: 'container',
      container: ref.name,
      issue: 'must set securityContext.allowPrivilegeEscalation=false',
      path: containerContextPath(ref, 'allowPrivilegeEscalation'),
    });
  }
  return problems;
}

/**
 * ref. PSS restricted: Privilege Escalation (1.8) — allowPrivilegeEscalation must be explicitly false.
 * From 1.25 Windows pods are exempt: the field has no meaning there.
 */
export const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  forbiddenReason: 'allowPrivilegeEscalation != false',
  facets: ['privilege-escalation-allowed'],
  versions: [
    { since: 8, evaluate: escalating },
    { since: 25, evaluate: (pod) => (pod.windows ? [] : escalating(pod)) },
  ],
};
