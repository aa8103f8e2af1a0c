import type { Finding } from '../findings/index.js';
import type { Exception } from './types.js';

export function exceptionMatches(exception: Exception, finding: Finding): boolean {
  const s = finding.subject;
  return (
    matchesCheck(exception.checks, finding) &&
    matchesAny(exception.namespaces, s.namespace ?? 'default') &&
    matchesAny(exception.names, s.name) &&
    (exception.kinds.length === 0 || exception.kinds.some((k) => k.toLowerCase() === s.kind.toLowerCase())) &&
    (exception.fingerprints.length === 0 || exception.fingerprints.includes(finding.fingerprint)) &&
    (exception.containers.length === 0 || (s.container !== undefined && matchesAny(exception.containers, s.container)))
  );
}

function matchesCheck(checks: readonly string[], finding: Finding): boolean {
  if (checks.length === 0 || checks.includes('*')) return true;
  const ids = [finding.checkId, ...finding.compatibleIds].map((id) => id.toLowerCase());
  return checks.some((c) => ids.includes(c.toLowerCase()));
}

function matchesAny(patterns: readonly string[], value: string): boolean {
  return patterns.length === 0 || patterns.some((p) => globToRegExp(p).test(value));
}

const cache = new Map<string, RegExp>();

/** `*` any run of characters, `?` one character; everything else literal. */
export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`);
    cache.set(pattern, re);
  }
  return re;
}
