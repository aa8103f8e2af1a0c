import { containerContextPath, containerSecurityContext, isSet, scalarText } from '../pod.js';
import type { PodView } from '../pod.js';
import type { PssCheck, PssProblem } from '../types.js';

/** Containers whose procMount is set to anything but Default. */
function unmaskedProc(pod: PodView): PssProblem[] {
  const problems: PssProblem[] = [];
  for (const ref of pod.containers) {
    const procMount = containerSecurityContext(ref)?.['procMount'];
    if (!isSet(procMount) || procMount === 'Default') continue;
    problems.push({
      facet: 'proc-mount-unmasked',
      subject: 'container',
      container: ref.name,
      issue: `must not set securityContext.procMount=${JSON.stringify(scalarText(procMount))}`,
      path: containerContextPath(ref, 'procMount'),
    });
  }
  return problems;
}

/**
 * ref. PSS baseline: /proc Mount Type — unset or Default. From 1.35 a pod in its own user namespace
 * (hostUsers: false) may unmask /proc, which only user namespaces make safe (KEP-4265).
 */
export const procMount: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  control: '/proc Mount Type',
  forbiddenReason: 'procMount',
  facets: ['proc-mount-unmasked'],
  versions: [
    { since: 0, evaluate: unmaskedProc },
    { since: 35, evaluate: (pod) => (pod.userNamespaced ? [] : unmaskedProc(pod)) },
  ],
};

/** ref. PSS restricted: /proc Mount Type — unset or Default even with hostUsers: false (1.35+). */
export const procMountRestricted: PssCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  control: '/proc Mount Type',
  forbiddenReason: 'procMount',
  facets: ['proc-mount-unmasked'],
  versions: [{ since: 35, overrides: ['procMount'], evaluate: unmaskedProc }],
};
