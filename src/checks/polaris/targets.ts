import type { Resource } from '../../k8s/index.js';
import type { ResourceIndex } from '../resource-index.js';
import type { CheckTarget, PolarisCheck, Subject, Workload } from './types.js';
import { containersOf } from './workload.js';

/** Reads Polaris's `target` field. A kind target matches by Kind alone (`group/Kind` or `/Kind` or `Kind`). */
export function parseTarget(target: string): CheckTarget {
  switch (target) {
    case 'Container':
      return { level: 'container' };
    case 'PodSpec':
      return { level: 'pod-spec' };
    case 'PodTemplate':
      return { level: 'pod-template' };
    case 'Controller':
      return { level: 'controller' };
    default:
      return { level: 'kind', kind: target.slice(target.lastIndexOf('/') + 1) };
  }
}

/** The subjects a check runs on for one resource: none, the resource, or each of its containers. */
export function subjectsFor(check: PolarisCheck, resource: Resource, workload: Workload | undefined, index: ResourceIndex): Subject[] {
  if (!kindAllowed(check, resource.kind)) return [];
  const base = { resource, index, workload, container: undefined };
  if (check.target.level === 'kind') return resource.kind === check.target.kind ? [base] : [];
  if (workload === undefined) return [];
  if (check.target.level !== 'container') return [base];
  return containersOf(workload)
    .filter((c) => !(c.isInit && check.excludeInitContainers === true))
    .map((container) => ({ ...base, container }));
}

function kindAllowed(check: PolarisCheck, kind: string): boolean {
  const include = check.controllers?.include ?? [];
  if (include.length > 0 && !include.includes(kind)) return false;
  return !(check.controllers?.exclude ?? []).includes(kind);
}
