import type { Resource } from '../k8s/index.js';
import { resourceRef } from '../k8s/index.js';
import type { Exception } from './types.js';

/** `bosun.dev/ignore: "check-a,check-b"` (or `*`), with the reason in `bosun.dev/ignore-reason`. */
export const IGNORE_ANNOTATION = 'bosun.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'bosun.dev/ignore-reason';

/** Exceptions declared on resources themselves; each applies to that resource only. */
export function exceptionsFromAnnotations(resources: readonly Resource[]): Exception[] {
  const out: Exception[] = [];
  for (const resource of resources) {
    const value = resource.annotations[IGNORE_ANNOTATION];
    if (value === undefined) continue;
    const checks = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
    const reason = resource.annotations[IGNORE_REASON_ANNOTATION]?.trim();
    out.push({
      checks,
      namespaces: [resource.namespace ?? 'default'],
      names: [resource.name], // names cannot contain glob characters, so the pattern is exact
      kinds: [resource.kind],
      fingerprints: [],
      containers: [],
      reason: reason === undefined || reason === '' ? `no reason given (add ${IGNORE_REASON_ANNOTATION})` : reason,
      source: `annotation ${IGNORE_ANNOTATION} on ${resourceRef(resource)} (${resource.source.file}:${resource.source.position.line})`,
    });
  }
  return out;
}
