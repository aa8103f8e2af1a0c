import { sharedCheck } from '../../catalog/index.js';
import type { CheckInfo, CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { pushOverridden } from '../overrides.js';
import { podOf } from '../pod.js';

interface HostNamespace {
  field: 'hostNetwork' | 'hostIPC' | 'hostPID';
  rule: string;
  check: CheckInfo;
  /** kubeaudit spells these with upper-case IPC/PID; labels are matched exactly. */
  overrideLabel: string;
}

const NAMESPACES: readonly HostNamespace[] = [
  { field: 'hostNetwork', rule: 'NamespaceHostNetworkTrue', check: sharedCheck('host-network'), overrideLabel: 'allow-namespace-host-network' },
  { field: 'hostIPC', rule: 'NamespaceHostIPCTrue', check: sharedCheck('host-ipc'), overrideLabel: 'allow-namespace-host-IPC' },
  { field: 'hostPID', rule: 'NamespaceHostPIDTrue', check: sharedCheck('host-pid'), overrideLabel: 'allow-namespace-host-PID' },
];

/** ref. kubeaudit hostns auditor: the pod must not share the node's network, IPC or PID namespace. */
export const hostns = {
  name: 'hostns',
  checks: NAMESPACES.map((n) => n.check),
  audit(resource) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const out: CheckResult[] = [];
    for (const ns of NAMESPACES) {
      const issue =
        pod.spec[ns.field] === true
          ? {
              rule: ns.rule,
              level: 'error' as const,
              check: ns.check,
              message: `The pod sets ${ns.field}: true and shares that namespace with the node.`,
              resource,
              path: [...pod.specPath, ns.field],
            }
          : undefined;
      pushOverridden(out, issue, pod.scope, ns.overrideLabel);
    }
    return out;
  },
} satisfies Auditor;
