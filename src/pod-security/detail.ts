import type { PssProblem } from './types.js';

/** `"a", "b"`: double-quoted like Go's %q, so names with spaces stay readable. */
export function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/**
 * Joins problems into one PSA-style detail: problems with the same issue share a sentence whose
 * subject lists the pod and the containers at fault, e.g.
 * `pod and containers "a", "b" must not set securityContext.runAsUser=0`.
 */
export function describeProblems(problems: readonly PssProblem[]): string {
  const groups = new Map<string, PssProblem[]>();
  for (const problem of problems) {
    const group = groups.get(problem.issue);
    if (group === undefined) groups.set(problem.issue, [problem]);
    else group.push(problem);
  }
  const sentences: string[] = [];
  for (const [issue, group] of groups) {
    const subject = subjectOf(group);
    sentences.push(subject === '' ? issue : `${subject} ${issue}`);
  }
  return sentences.join('; ');
}

function subjectOf(group: readonly PssProblem[]): string {
  const pod = group.some((p) => p.subject === 'pod');
  const either = group.some((p) => p.subject === 'pod-or-container');
  const names = [
    ...new Set(
      group.filter((p) => p.subject === 'container' || p.subject === 'pod-or-container').flatMap((p) => (p.container === undefined ? [] : [p.container])),
    ),
  ];
  const containers = names.length === 0 ? '' : `${plural(names.length, 'container', 'containers')} ${quoteList(names)}`;
  if (either) return containers === '' ? 'pod' : `pod or ${containers}`;
  if (pod && containers !== '') return `pod and ${containers}`;
  if (pod) return 'pod';
  return containers;
}
