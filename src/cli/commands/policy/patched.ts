import type { JsonObject, Resource } from '../../../k8s/index.js';
import type { RuleResult } from '../../../policy/index.js';
import { loadResources } from './inputs.js';

/**
 * The resource as the named policy left it: mutate results come first, in order, and each applied
 * patch carries the whole resource so far; the state at the policy's last response is the answer.
 */
export function patchedBy(policy: string, resource: Resource, results: readonly RuleResult[]): JsonObject {
  let latest: JsonObject = resource.object;
  let answer: JsonObject = resource.object;
  for (const r of results) {
    if (r.patched !== undefined) latest = r.patched;
    if (r.policy === policy) answer = latest;
  }
  return answer;
}

/**
 * `patchedResources` as `kyverno test` checks it: the expected document with the same apiVersion,
 * kind, namespace and name is compared after tidying (nulls, empty maps and empty lists dropped);
 * lists compare whole. `missing` when there is no such document: Kyverno then drops the row.
 */
export async function patchedDiffers(file: string, actual: JsonObject, cache: Map<string, Resource[]>): Promise<boolean | 'missing'> {
  let expected = cache.get(file);
  if (expected === undefined) {
    expected = (await loadResources([file])).resources;
    cache.set(file, expected);
  }
  const meta = (o: JsonObject): JsonObject => (typeof o['metadata'] === 'object' && o['metadata'] !== null && !Array.isArray(o['metadata']) ? (o['metadata'] as JsonObject) : {});
  const same = expected.find(
    (e) => e.apiVersion === actual['apiVersion'] && e.kind === actual['kind'] && e.name === meta(actual)['name'] && (e.namespace ?? '') === String(meta(actual)['namespace'] ?? e.namespace ?? ''),
  );
  if (same === undefined) return 'missing';
  return !equal(tidy(same.object), tidy(actual));
}

export function tidy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(tidy).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = tidy(v);
      if (t !== undefined) out[k] = t;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value === null ? undefined : value;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && equal((a as Record<string, unknown>)[k], rb[k]));
  }
  return false;
}
