import type { PathSegment } from '../../kernel/index.js';
import { BosunError } from '../../kernel/index.js';
import type { ContainerSubject, Subject, Verdict, Workload } from './types.js';

export function passed(path?: PathSegment[]): Verdict {
  return path === undefined ? { ok: true } : { ok: true, path };
}

export function failed(path?: PathSegment[], detail?: string): Verdict {
  return { ok: false, ...(path !== undefined ? { path } : {}), ...(detail !== undefined ? { detail } : {}) };
}

export function verdict(ok: boolean, path?: PathSegment[], detail?: string): Verdict {
  return ok ? passed(path) : failed(path, detail);
}

/** The subject's pod spec; the runner only hands pod-level subjects to pod-level checks. */
export function requireWorkload(subject: Subject): Workload {
  if (subject.workload === undefined) throw new BosunError('internal', 'polaris: pod-level check run on a resource without a pod spec');
  return subject.workload;
}

export function requireContainer(subject: Subject): ContainerSubject {
  if (subject.container === undefined) throw new BosunError('internal', 'polaris: container check run without a container');
  return subject.container;
}
