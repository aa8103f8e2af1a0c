import { getPath } from '../../k8s/index.js';
import { containerContextPath, containerSecurityContext, podContextPath } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

const ISSUE = 'must not set securityContext.windowsOptions.hostProcess=true';

/** ref. PSS baseline: HostProcess — windowsOptions.hostProcess must be unset or false, pod and containers. */
export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  control: 'HostProcess',
  forbiddenReason: 'hostProcess',
  facets: ['windows-host-process'],
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        if (getPath(pod.securityContext, ['windowsOptions', 'hostProcess']) === true) {
          problems.push({
            facet: 'windows-host-process',
            subject: 'pod',
            issue: ISSUE,
            path: podContextPath(pod, 'windowsOptions', 'hostProcess'),
          });
        }
        for (const ref of pod.containers) {
          if (getPath(containerSecurityContext(ref), ['windowsOptions', 'hostProcess']) !== true) continue;
          problems.push({
            facet: 'windows-host-process',
            subject: 'container',
            container: ref.name,
            issue: ISSUE,
            path: containerContextPath(ref, 'windowsOptions', 'hostProcess'),
          });
        }
        return problems;
      },
    },
  ],
};
