import { compareOrdered, scalarText, toDurationMs, valuesEqual } from './compare.js';
import { wildcardMatch } from './wildcard.js';

/** Every operator Kyverno documents for preconditions and deny conditions. */
export const OPERATORS = [
  'Equals',
  'NotEquals',
  'Equal',
  'NotEqual',
  'In',
  'NotIn',
  'AnyIn',
  'AllIn',
  'AnyNotIn',
  'AllNotIn',
  'GreaterThan',
  'GreaterThanOrEquals',
  'LessThan',
  'LessThanOrEquals',
  'DurationGreaterThan',
  'DurationGreaterThanOrEquals',
  'DurationLessThan',
  'DurationLessThanOrEquals',
] as const;
export type Operator = (typeof OPERATORS)[number];

export function isOperator(value: unknown): value is Operator {
  return typeof value === 'string' && (OPERATORS as readonly string[]).includes(value);
}

/** Kyverno operators are case-insensitive in practice (`equals` works); normalise to the canonical name. */
export function normaliseOperator(value: unknown): Operator | undefined {
  if (typeof value !== 'string') return undefined;
  return OPERATORS.find((op) => op.toLowerCase() === value.toLowerCase());
}

export function applyOperator(op: Operator, key: unknown, value: unknown): boolean {
  // Set operators need a list (or a string) on the value side; Kyverno answers false otherwise.
  if (SET_OPERATORS.has(op) && (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value)))) return false;
  switch (op) {
    case 'Equals':
    case 'Equal':
      return valuesEqual(key, value);
    case 'NotEquals':
    case 'NotEqual':
      return !valuesEqual(key, value);
    case 'In':
      return Array.isArray(key) ? key.every((k) => inSet(k, value)) : inSet(key, value);
    case 'NotIn':
      return Array.isArray(key) ? !key.every((k) => inSet(k, value)) : !inSet(key, value);
    case 'AnyIn':
      return keyList(key).some((k) => inSet(k, value));
    case 'AllIn':
      return keyList(key).every((k) => inSet(k, value));
    case 'AnyNotIn':
      return keyList(key).some((k) => !inSet(k, value));
    case 'AllNotIn':
      return keyList(key).every((k) => !inSet(k, value));
    case 'GreaterThan':
      return ordered(key, value, (d) => d > 0);
    case 'GreaterThanOrEquals':
      return ordered(key, value, (d) => d >= 0);
    case 'LessThan':
      return ordered(key, value, (d) => d < 0);
    case 'LessThanOrEquals':
      return ordered(key, value, (d) => d <= 0);
    case 'DurationGreaterThan':
      return durations(key, value, (d) => d > 0);
    case 'DurationGreaterThanOrEquals':
      return durations(key, value, (d) => d >= 0);
    case 'DurationLessThan':
      return durations(key, value, (d) => d < 0);
    case 'DurationLessThanOrEquals':
      return durations(key, value, (d) => d <= 0);
  }
}

const SET_OPERATORS = new Set<Operator>(['In', 'NotIn', 'AnyIn', 'AllIn', 'AnyNotIn', 'AllNotIn']);

function keyList(key: unknown): unknown[] {
  return Array.isArray(key) ? key : [key];
}

/**
 * Is one key element in the value set? The set may be a list, a single string (Kyverno also
 * accepts a JSON list in a string) or a numeric range `lo-hi`. Set members may hold wildcards.
 */
function inSet(key: unknown, value: unknown): boolean {
  const members = setMembers(value);
  return members.some((member) => {
    if (typeof member === 'string' && typeof key !== 'object') {
      const range = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(member);
      const n = typeof key === 'number' ? key : Number(key);
      if (range !== null && !Number.isNaN(n) && scalarText(key).trim() !== '') return n >= Number(range[1]) && n <= Number(range[2]);
      // Wildcards count on either side: a key of `*` (RBAC rules) is in every set.
      return wildcardMatch(member, scalarText(key)) || (typeof key === 'string' && wildcardMatch(key, member));
    }
    return valuesEqual(key, member);
  });
}

function setMembers(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(t);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // not JSON: a plain string member
      }
    }
  }
  return [value];
}

function ordered(key: unknown, value: unknown, test: (d: number) => boolean): boolean {
  const d = compareOrdered(key, value);
  return d !== undefined && test(d);
}

function durations(key: unknown, value: unknown, test: (d: number) => boolean): boolean {
  const a = toDurationMs(key);
  const b = toDurationMs(value);
  return a !== undefined && b !== undefined && test(a - b);
}
