import { parseQuantity } from '../../k8s/index.js';
import { parseDuration } from '../jmespath/index.js';
import { wildcardMatch } from './wildcard.js';

/**
 * Value comparisons shared by conditions and patterns. Kyverno compares numbers, Kubernetes
 * quantities, Go durations and semantic versions by meaning, not by text.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text form used when a scalar meets a string, like Go's fmt of the decoded JSON value. */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Kyverno's Equals: wildcards on the value side, quantities/durations by magnitude. */
export function valuesEqual(key: unknown, value: unknown): boolean {
  if (typeof key === 'string' && typeof value === 'string') {
    if (key === value || wildcardMatch(value, key)) return true;
    const qk = unitQuantity(key);
    const qv = unitQuantity(value);
    if (qk !== undefined && qv !== undefined) return qk === qv;
    const dk = unitDuration(key);
    const dv = unitDuration(value);
    if (dk !== undefined && dv !== undefined) return dk === dv;
    return false;
  }
  if (typeof key === 'number' && typeof value === 'number') return key === value;
  if (typeof key === 'number' && typeof value === 'string') return value.trim() !== '' && Number(value) === key;
  if (typeof key === 'string' && typeof value === 'number') return key.trim() !== '' && Number(key) === value;
  if (typeof key === 'boolean' || typeof value === 'boolean') return scalarText(key) === scalarText(value);
  if (key === null || key === undefined) return value === null || value === undefined || value === '';
  return deepEqual(key, value);
}

/** A quantity only when it carries a unit or is numeric: `1Gi`, `500m`, `2`. */
function unitQuantity(s: string): number | undefined {
  return /^[+-]?[\d.]/.test(s) ? parseQuantity(s) : undefined;
}

function unitDuration(s: string): number | undefined {
  return /[a-zµ]$/.test(s) ? parseDuration(s) : undefined;
}

/** Orders two values for GreaterThan & co.; undefined when they are not comparable. */
export function compareOrdered(key: unknown, value: unknown): number | undefined {
  const nk = toNumber(key);
  const nv = toNumber(value);
  if (nk !== undefined && nv !== undefined) return nk - nv;
  if (typeof key === 'string' && typeof value === 'string') {
    const dk = parseDuration(key);
    const dv = parseDuration(value);
    if (dk !== undefined && dv !== undefined) return dk - dv;
    const sk = semver(key);
    const sv = semver(value);
    if (sk !== undefined && sv !== undefined) {
      for (let i = 0; i < 3; i++) if ((sk[i] ?? 0) !== (sv[i] ?? 0)) return (sk[i] ?? 0) - (sv[i] ?? 0);
      return 0;
    }
  }
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return parseQuantity(v);
  return undefined;
}

function semver(s: string): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(s.trim());
  return m === null ? undefined : [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Durations for the Duration* operators: Go duration text, or a number of seconds. */
export function toDurationMs(v: unknown): number | undefined {
  if (typeof v === 'number') return v * 1000;
  if (typeof v === 'string') return parseDuration(v);
  return undefined;
}
