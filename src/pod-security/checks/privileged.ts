import { containerContextPath, containerSecurityContext } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** ref. PSS baseline: Privileged Containers — securityContext.privileged must be unset or false. */
export const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  forbiddenReason: 'privileged',
  facets: ['privileged-container'],
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        for (const ref of pod.containers) {
          if (containerSecurityContext(ref)?.['privileged'] !== true) continue;
          problems.push({
            facet: 'privileged-container',
            subject: 'container',
            container: ref.name,
            issue: 'must not set securityContext.privileged=true',
            path: containerContextPath(ref, 'privileged'),
          });
        }
        return problems;
      },
    },
  ],
};
