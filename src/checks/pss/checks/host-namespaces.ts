import type { SharedCheckId } from '../../catalog/index.js';
import type { PssCheck, PssProblem } from '../types.js';

const NAMESPACES: ReadonlyArray<[field: string, catalogId: SharedCheckId]> = [
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
  catalogIds: NAMESPACES.map(([, id]) => id),
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        for (const [field, catalogId] of NAMESPACES) {
          if (pod.spec[field] === true) {
            problems.push({ catalogId, subject: 'other', issue: `${field}=true`, path: [...pod.specPath, field] });
          }
        }
        return problems;
      },
    },
  ],
};
