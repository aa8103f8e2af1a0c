import type { ContainerRef } from '../../k8s/index.js';
import { asArray, getPath } from '../../k8s/index.js';
import { quoteList } from '../detail.js';
import { containerContextPath, containerSecurityContext, scalarText } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** ref. PSS baseline: Capabilities — the container runtime's default set, nothing beyond it. */
const BASELINE_ALLOWED = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** ref. PSS restricted: Capabilities — only NET_BIND_SERVICE may be added back. */
const RESTRICTED_ALLOWED = new Set(['NET_BIND_SERVICE']);

/**
 * One problem per container listing the added capabilities outside `allowed`. Names compare
 * exactly, as PSA does: `chown` and `CAP_CHOWN` are not `CHOWN`.
 */
function addedOutside(containers: readonly ContainerRef[], allowed: ReadonlySet<string>): PssProblem[] {
  const problems: PssProblem[] = [];
  for (const ref of containers) {
    const added = asArray(getPath(containerSecurityContext(ref), ['capabilities', 'add']));
    const bad: string[] = [];
    let firstBad = -1;
    added.forEach((item, index) => {
      const name = scalarText(item);
      if (allowed.has(name)) return;
      if (firstBad < 0) firstBad = index;
      if (!bad.includes(name)) bad.push(name);
    });
    if (bad.length === 0) continue;
    problems.push({
      facet: 'capabilities-added',
      subject: 'container',
      container: ref.name,
      issue: `must not include ${quoteList(bad)} in securityContext.capabilities.add`,
      path: containerContextPath(ref, 'capabilities', 'add', firstBad),
      values: bad,
    });
  }
  return problems;
}

/** Containers whose capabilities.drop lacks `ALL` (exact spelling, as PSA compares). */
function notDroppingAll(containers: readonly ContainerRef[]): PssProblem[] {
  const problems: PssProblem[] = [];
  for (const ref of containers) {
    const dropped = asArray(getPath(containerSecurityContext(ref), ['capabilities', 'drop']));
    if (dropped.includes('ALL')) continue;
    problems.push({
      facet: 'capabilities-not-dropped',
      subject: 'container',
      container: ref.name,
      issue: 'must set securityContext.capabilities.drop=["ALL"]',
      path: containerContextPath(ref, 'capabilities', 'drop'),
    });
  }
  return problems;
}

/** ref. PSS baseline: Capabilities — capabilities.add limited to the runtime default set. */
export const capabilitiesBaseline: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  control: 'Capabilities',
  forbiddenReason: 'non-default capabilities',
  facets: ['capabilities-added'],
  versions: [{ since: 0, evaluate: (pod) => addedOutside(pod.containers, BASELINE_ALLOWED) }],
};

/**
 * ref. PSS restricted: Capabilities — drop ALL, add at most NET_BIND_SERVICE. Replaces the baseline
 * check from 1.22; from 1.25 Windows pods are exempt (Linux capabilities do not apply to them).
 */
export const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  control: 'Capabilities',
  forbiddenReason: 'unrestricted capabilities',
  facets: ['capabilities-not-dropped', 'capabilities-added'],
  versions: [
    {
      since: 22,
      overrides: ['capabilities_baseline'],
      evaluate: (pod) => [...notDroppingAll(pod.containers), ...addedOutside(pod.containers, RESTRICTED_ALLOWED)],
    },
    {
      since: 25,
      overrides: ['capabilities_baseline'],
      evaluate: (pod) => (pod.windows ? [] : [...notDroppingAll(pod.containers), ...addedOutside(pod.containers, RESTRICTED_ALLOWED)]),
    },
  ],
};
