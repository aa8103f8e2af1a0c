import { matchPattern, parseKey } from '../../pattern/index.js';
import { mergeKeyOf } from './strategic-merge.js';

/**
 * Resolves Kyverno's anchors in a patchStrategicMerge overlay against the resource, leaving a plain
 * strategic merge patch. ref. kyverno.io/docs "Mutate Resources › Mutate Overlay Anchors":
 * - `(key): pattern` conditional: the enclosing map applies only when the resource matches; in a
 *   list, the element is applied to every resource element that matches (keyed by its merge key);
 * - `<(key): pattern` global: when it does not match, the whole rule is skipped;
 * - `+(key): value` add-if-not-present: set only when the resource has no such key.
 */
export class GlobalAnchorSkip extends Error {
  override readonly name = 'GlobalAnchorSkip';
}

/** Returned where a conditional anchor did not hold; the enclosing element is not applied. */
export const CONDITION_FAILED: unique symbol = Symbol('condition failed');
const OMIT: unique symbol = Symbol('omit');

type Processed = unknown | typeof CONDITION_FAILED | typeof OMIT;

/** The plain patch, or CONDITION_FAILED when a top-level condition did not hold. Throws GlobalAnchorSkip. */
export function resolveAnchors(overlay: unknown, resource: unknown): unknown {
  const out = processValue(overlay, resource, '');
  return out === OMIT ? {} : out;
}

function processValue(pattern: unknown, resource: unknown, field: string): Processed {
  if (isRecord(pattern)) return processMap(pattern, resource);
  if (Array.isArray(pattern)) return processList(pattern, resource, field);
  return pattern;
}

function holds(resource: Record<string, unknown> | undefined, key: string, pattern: unknown): boolean {
  if (resource === undefined || !Object.hasOwn(resource, key)) return false;
  return matchPattern(resource[key], pattern).kind === 'pass';
}

function processMap(pattern: Record<string, unknown>, resource: unknown): Processed {
  const target = isRecord(resource) ? resource : undefined;
  const entries = Object.entries(pattern).map(([raw, value]) => ({ raw, value, ...parseKey(raw) }));
  for (const e of entries) {
    if (e.anchor === 'global' && !holds(target, e.key, e.value)) throw new GlobalAnchorSkip(`global anchor ${e.raw} did not match`);
  }
  for (const e of entries) {
    if (e.anchor === 'conditional' && !holds(target, e.key, withoutAdds(e.value))) return CONDITION_FAILED;
    // `=(key)` in an overlay: when present, the value must match.
    if (e.anchor === 'equality' && target !== undefined && Object.hasOwn(target, e.key) && !holds(target, e.key, e.value)) return CONDITION_FAILED;
  }
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    switch (e.anchor) {
      case 'conditional': {
        // `(emptyDir): {+(sizeLimit): 1Gi}`: the condition holds, and its add anchors still apply.
        const adds = addsOnly(e.value, target?.[e.key]);
        if (adds !== undefined) out[e.key] = adds;
        continue;
      }
      case 'global':
      case 'equality':
      case 'negation':
      case 'existence':
        continue;
      case 'addIfNotPresent': {
        if (target !== undefined && target[e.key] !== undefined) continue;
        const value = processValue(e.value, undefined, e.key);
        if (value === CONDITION_FAILED) return CONDITION_FAILED;
        if (value !== OMIT) out[e.key] = value;
        continue;
      }
      case undefined: {
        const value = processValue(e.value, target?.[e.key], e.key);
        if (value === CONDITION_FAILED) return CONDITION_FAILED;
        if (value !== OMIT) out[e.key] = value;
      }
    }
  }
  return out;
}

function processList(pattern: unknown[], resource: unknown, field: string): Processed {
  const elements = Array.isArray(resource) ? resource : [];
  const key = mergeKeyOf(field) ?? 'name';
  const out: unknown[] = [];
  for (const item of pattern) {
    if (!isRecord(item) || !hasAnchors(item)) {
      out.push(item);
      continue;
    }
    // A plain merge key in the element names its target; otherwise every element is a candidate.
    const named = Object.hasOwn(item, key) && typeof item[key] !== 'object';
    // A global anchor in a list element holds when any element matches (the rest are not patched).
    let globalMiss: GlobalAnchorSkip | undefined;
    let globalHit = false;
    for (const element of elements) {
      if (named && (!isRecord(element) || element[key] !== item[key])) continue;
      let processed: Processed;
      try {
        processed = processMap(item, element);
        globalHit = true;
      } catch (cause) {
        if (!(cause instanceof GlobalAnchorSkip)) throw cause;
        globalMiss = cause;
        continue;
      }
      if (processed === CONDITION_FAILED || !isRecord(processed)) continue;
      if (isRecord(element) && element[key] !== undefined) processed[key] = element[key];
      out.push(processed);
    }
    if (globalMiss !== undefined && !globalHit) throw globalMiss;
    if (named && !elements.some((e) => isRecord(e) && e[key] === item[key])) {
      const processed = processMap(item, undefined);
      if (processed !== CONDITION_FAILED) out.push(processed);
    }
  }
  return out.length === 0 && pattern.length > 0 ? OMIT : out;
}

/** A conditional value as a condition: add-if-not-present entries are patches, not conditions. */
function withoutAdds(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (parseKey(k).anchor !== 'addIfNotPresent') out[k] = withoutAdds(v);
  return out;
}

/** Only the add-if-not-present parts of a conditional value, or undefined when there are none to add. */
function addsOnly(value: unknown, resource: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const target = isRecord(resource) ? resource : undefined;
  const out: Record<string, unknown> = {};
  for (const [raw, v] of Object.entries(value)) {
    const { anchor, key } = parseKey(raw);
    if (anchor === 'addIfNotPresent') {
      if (target === undefined || target[key] === undefined) out[key] = v;
    } else if (anchor === undefined || anchor === 'conditional') {
      const nested = addsOnly(v, target?.[key]);
      if (nested !== undefined) out[key] = nested;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function hasAnchors(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasAnchors);
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([k, v]) => parseKey(k).anchor !== undefined || hasAnchors(v));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
