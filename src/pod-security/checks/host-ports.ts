import { asArray, asObject } from '../../k8s/index.js';
import type { PathSegment } from '../../kernel/index.js';
import { plural } from '../detail.js';
import { isSet, scalarText } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** ref. PSS baseline: Host Ports — ports[*].hostPort must be unset or 0. */
export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  control: 'Host Ports',
  forbiddenReason: 'hostPort',
  facets: ['host-port'],
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        for (const ref of pod.containers) {
          const ports: string[] = [];
          let first: PathSegment[] | undefined;
          asArray(ref.container['ports']).forEach((item, index) => {
            const hostPort = asObject(item)?.['hostPort'];
            if (!isSet(hostPort) || hostPort === 0) return;
            ports.push(scalarText(hostPort));
            first ??= [...ref.path, 'ports', index, 'hostPort'];
          });
          if (first === undefined) continue;
          problems.push({
            facet: 'host-port',
            subject: 'container',
            container: ref.name,
            issue: `must not set ${plural(ports.length, 'hostPort', 'hostPorts')} ${ports.join(', ')}`,
            path: first,
          });
        }
        return problems;
      },
    },
  ],
};
