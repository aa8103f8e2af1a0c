import { isClusterScoped } from '../../k8s/index.js';
import type { Resource } from '../../k8s/index.js';
import type { CheckResult, FamilySummary } from '../types.js';
import { gradeOf } from './score.js';
import { isWarningSeverity } from './severity.js';

interface Tally {
  passed: number;
  warnings: number;
  dangers: number;
}

/**
 * Scores per resource, per namespace and overall. Exempt (skipped) results do not count; a failure
 * counts as a warning at medium severity and as a danger otherwise, as Polaris counts levels.
 */
export function summarizePolaris(results: readonly CheckResult[]): FamilySummary {
  const overall = tally();
  const byNamespace = new Map<string, Tally>();
  const byResource = new Map<Resource, Tally>();
  for (const result of results) {
    if (result.status === 'skip') continue;
    const namespace = namespaceOf(result.resource);
    const counters = [overall, entry(byNamespace, namespace), entry(byResource, result.resource)];
    for (const t of counters) {
      if (result.status === 'pass') t.passed += 1;
      else if (isWarningSeverity(result.severity)) t.warnings += 1;
      else t.dangers += 1;
    }
  }
  return {
    family: 'polaris',
    overall: grade(overall),
    byNamespace: Object.fromEntries([...byNamespace].map(([ns, t]) => [ns, grade(t)])),
    byResource: [...byResource].map(([r, t]) => ({
      kind: r.kind,
      ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
      name: r.name,
      ...grade(t),
    })),
  };
}

/** Cluster-scoped objects group under '' (as in Polaris); namespaced ones without a namespace under `default`. */
function namespaceOf(resource: Resource): string {
  return resource.namespace ?? (isClusterScoped(resource.kind) ? '' : 'default');
}

function tally(): Tally {
  return { passed: 0, warnings: 0, dangers: 0 };
}

function entry<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (t === undefined) {
    t = tally();
    map.set(key, t);
  }
  return t;
}

function grade(t: Tally): ReturnType<typeof gradeOf> {
  return gradeOf(t.passed, t.warnings, t.dangers);
}
