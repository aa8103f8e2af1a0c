import type { PssFacet } from '../types.js';
import type { PssCheck, PssProblem } from '../types.js';

const NAMESPACES: ReadonlyArray<[field: string, facet: PssFacet]> = [
  ['hostNetwork', 'host-network'],
  ['hostPID', 'host-pid'],
  ['hostIPC', 'host-ipc'],
];

/** ref. PSS baseline: Host Namespaces — hostNetwork, hostPID and hostIPC must be unset or false. */
export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  forbiddenReason: 'host namespaces',
  facets: NAMESPACES.map(([, id]) => id),
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        for (const [field, facet] of NAMESPACES) {
          if (pod.spec[field] === true) {
            problems.push({ facet, subject: 'other', issue: `${field}=true`, path: [...pod.specPath, field] });
          }
        }
        return problems;
      },
    },
  ],
};
