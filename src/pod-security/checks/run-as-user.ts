import { containerContextPath, containerSecurityContext, podContextPath } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

const ISSUE = 'must not set runAsUser=0';

function rootUser(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  if (pod.securityContext?.['runAsUser'] === 0) {
    problems.push({ facet: 'run-as-user-root', subject: 'pod', issue: ISSUE, path: podContextPath(pod, 'runAsUser') });
  }
  for (const ref of pod.containers) {
    if (containerSecurityContext(ref)?.['runAsUser'] !== 0) continue;
    problems.push({
      facet: 'run-as-user-root',
      subject: 'container',
      container: ref.name,
      issue: ISSUE,
      path: containerContextPath(ref, 'runAsUser'),
    });
  }
  return problems;
}

/**
 * ref. PSS restricted: Running as Non-root user (1.23) — runAsUser must not be 0. From 1.35 pods
 * with hostUsers: false are exempt, as for runAsNonRoot (KEP-127).
 */
export const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  control: 'Running as Non-root user',
  forbiddenReason: 'runAsUser=0',
  facets: ['run-as-user-root'],
  versions: [
    { since: 23, evaluate: rootUser },
    { since: 35, evaluate: (pod) => (pod.userNamespaced ? [] : rootUser(pod)) },
  ],
};
