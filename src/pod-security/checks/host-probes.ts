import type { PathSegment } from '../../kernel/index.js';
import { getPath } from '../../k8s/index.js';
import { isSet, scalarText } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** Handlers that can take a host: probes and lifecycle hooks, each with httpGet or tcpSocket. */
const HANDLERS: readonly PathSegment[][] = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];
const ACTIONS = ['httpGet', 'tcpSocket'];

/**
 * ref. PSS baseline: Host Probes / Lifecycle Hooks (1.34) — `host` must be unset or empty, so the
 * kubelet only ever connects to the pod itself.
 */
export const hostProbesAndHostLifecycle: PssCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  control: 'Host Probes / Lifecycle Hooks',
  forbiddenReason: 'probe or lifecycle host',
  facets: ['probe-host-set'],
  versions: [
    {
      since: 34,
      evaluate(pod) {
        const problems: PssProblem[] = [];
        for (const ref of pod.containers) {
          const found: string[] = [];
          let first: PathSegment[] | undefined;
          for (const handler of HANDLERS) {
            for (const action of ACTIONS) {
              const field = [...handler, action, 'host'];
              const host = getPath(ref.container, field);
              if (!isSet(host) || host === '') continue;
              found.push(`${field.join('.')}=${JSON.stringify(scalarText(host))}`);
              first ??= [...ref.path, ...field];
            }
          }
          if (first === undefined) continue;
          problems.push({ facet: 'probe-host-set', subject: 'container', container: ref.name, issue: `must not set ${found.join(', ')}`, path: first });
        }
        return problems;
      },
    },
  ],
};
