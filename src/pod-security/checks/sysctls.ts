import { asArray, asObject } from '../../k8s/index.js';
import type { PathSegment } from '../../kernel/index.js';
import { quoteList } from '../detail.js';
import { podContextPath, scalarText } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** ref. PSS baseline: Sysctls — the namespaced, node-safe set, as it grew release by release. */
const SAFE_1_0 = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_1_27 = [...SAFE_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_1_29 = [
  ...SAFE_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_1_32 = [...SAFE_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SAFE_1_37 = [...SAFE_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function allowing(safe: readonly string[]): (pod: PodView) => PssProblem[] {
  const allowed = new Set(safe);
  return (pod) => {
    const forbidden: string[] = [];
    let first: PathSegment[] | undefined;
    asArray(pod.securityContext?.['sysctls']).forEach((item, index) => {
      const name = scalarText(asObject(item)?.['name'] ?? '');
      if (allowed.has(name)) return;
      if (!forbidden.includes(name)) forbidden.push(name);
      first ??= podContextPath(pod, 'sysctls', index, 'name');
    });
    if (first === undefined) return [];
    return [{ facet: 'unsafe-sysctls', subject: 'other', issue: `${quoteList(forbidden)} outside the safe set`, path: first }];
  };
}

/** ref. PSS baseline: Sysctls — spec.securityContext.sysctls[*].name from the safe set only. */
export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  control: 'Sysctls',
  forbiddenReason: 'forbidden sysctls',
  facets: ['unsafe-sysctls'],
  versions: [
    { since: 0, evaluate: allowing(SAFE_1_0) },
    { since: 27, evaluate: allowing(SAFE_1_27) },
    { since: 29, evaluate: allowing(SAFE_1_29) },
    { since: 32, evaluate: allowing(SAFE_1_32) },
    { since: 37, evaluate: allowing(SAFE_1_37) },
  ],
};
