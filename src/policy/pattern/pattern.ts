import { hasWildcard, wildcardMatch } from '../conditions/index.js';
import { parseKey } from './anchors.js';
import { matchValue } from './value.js';

/**
 * Outcome of matching a resource against a validate pattern.
 * `skip`: a conditional anchor did not hold, so the pattern does not apply (Kyverno reports the rule
 * as skipped); `global: true` means a global anchor `<()` failed, which skips the whole rule.
 */
export type PatternOutcome =
  | { kind: 'pass' }
  | { kind: 'fail'; path: string; reason: string }
  | { kind: 'skip'; path: string; global: boolean };

const PASS: PatternOutcome = { kind: 'pass' };

export function matchPattern(resource: unknown, pattern: unknown): PatternOutcome {
  return element(resource, pattern, '/');
}

function element(value: unknown, pattern: unknown, path: string): PatternOutcome {
  if (isMap(pattern)) {
    if (!isMap(value)) return fail(path, value === undefined || value === null ? 'field not found' : 'expected an object');
    return map(value, pattern, path);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return fail(path, value === undefined || value === null ? 'field not found' : 'expected a list');
    return array(value, pattern, path);
  }
  if (Array.isArray(value)) {
    // A scalar pattern on a list checks every element (`supplementalGroups: ">0"`).
    for (let i = 0; i < value.length; i++) {
      const r = element(value[i], pattern, `${path}${i}/`);
      if (r.kind !== 'pass') return r;
    }
    return PASS;
  }
  return matchValue(value, pattern) ? PASS : fail(path, `value ${show(value)} does not match ${show(pattern)}`);
}

function map(value: Record<string, unknown>, pattern: Record<string, unknown>, path: string): PatternOutcome {
  const entries = Object.entries(pattern).map(([raw, p]) => ({ raw, p, ...parseKey(raw) }));
  // Conditions first: a failed conditional or global anchor means the map does not apply at all.
  for (const e of entries) {
    if (e.anchor !== 'conditional' && e.anchor !== 'global') continue;
    const at = `${path}${e.raw}/`;
    const global = e.anchor === 'global';
    if (!Object.hasOwn(value, e.key)) return { kind: 'skip', path: at, global };
    const r = element(value[e.key], e.p, at);
    if (r.kind === 'fail') return { kind: 'skip', path: at, global };
    if (r.kind === 'skip') return r.global ? r : { kind: 'skip', path: at, global };
  }
  let skipped: PatternOutcome | undefined;
  for (const e of entries) {
    const at = `${path}${e.key}/`;
    let r: PatternOutcome = PASS;
    switch (e.anchor) {
      case 'conditional':
      case 'global':
        continue;
      case 'negation':
        if (keysMatching(value, e.key).length > 0) r = fail(at, `field ${e.key} is not allowed`);
        break;
      case 'equality':
      case 'addIfNotPresent':
        for (const k of keysMatching(value, e.key)) {
          r = element(value[k], e.p, `${path}${k}/`);
          if (r.kind !== 'pass') break;
        }
        break;
      case 'existence':
        r = existence(value[e.key], e.p, at);
        break;
      case undefined:
        r = plain(value, e.key, e.p, at, path);
        break;
    }
    if (r.kind === 'fail') return r;
    if (r.kind === 'skip') {
      if (r.global) return r;
      skipped ??= r;
    }
  }
  return skipped ?? PASS;
}

function plain(value: Record<string, unknown>, key: string, p: unknown, at: string, path: string): PatternOutcome {
  const keys = keysMatching(value, key);
  // A field the pattern names must exist, whatever its value pattern (even `*`); only a null
  // pattern accepts absence.
  if (keys.length === 0) return p === null ? PASS : fail(at, 'field not found');
  for (const k of keys) {
    const r = element(value[k], p, `${path}${k}/`);
    if (r.kind !== 'pass') return r;
  }
  return PASS;
}

/** Keys a pattern key names; wildcards in keys (labels/annotations) match every key they fit. */
function keysMatching(value: Record<string, unknown>, key: string): string[] {
  if (!hasWildcard(key)) return Object.hasOwn(value, key) ? [key] : [];
  return Object.keys(value).filter((k) => wildcardMatch(key, k));
}

function existence(value: unknown, p: unknown, at: string): PatternOutcome {
  if (!Array.isArray(value) || !Array.isArray(p)) return fail(at, 'existence anchor needs a list');
  const want = p[0];
  return value.some((item) => element(item, want, at).kind === 'pass') ? PASS : fail(at, 'no element matches');
}

function array(value: unknown[], pattern: unknown[], path: string): PatternOutcome {
  if (pattern.length === 0) return fail(path, 'empty pattern list');
  const first = pattern[0];
  if (isMap(first)) {
    // Every element must match the one map pattern; elements whose conditions fail are skipped.
    let applied = 0;
    let skipped: PatternOutcome | undefined;
    for (let i = 0; i < value.length; i++) {
      const r = element(value[i], first, `${path}${i}/`);
      if (r.kind === 'fail') return r;
      if (r.kind === 'skip') {
        if (r.global) return r;
        skipped ??= r;
        continue;
      }
      applied++;
    }
    return applied === 0 && skipped !== undefined ? skipped : PASS;
  }
  if (pattern.length === 1 && !Array.isArray(first)) {
    for (let i = 0; i < value.length; i++) {
      const r = element(value[i], first, `${path}${i}/`);
      if (r.kind !== 'pass') return r;
    }
    return PASS;
  }
  if (value.length < pattern.length) return fail(path, 'list is shorter than the pattern');
  for (let i = 0; i < pattern.length; i++) {
    const r = element(value[i], pattern[i], `${path}${i}/`);
    if (r.kind !== 'pass') return r;
  }
  return PASS;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, reason: string): PatternOutcome {
  return { kind: 'fail', path, reason };
}

function show(v: unknown): string {
  return v === undefined ? '<missing>' : JSON.stringify(v);
}
