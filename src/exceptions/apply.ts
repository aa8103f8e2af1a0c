import type { Finding } from '../findings/index.js';
import { isProblem } from '../findings/index.js';
import { exceptionMatches } from './match.js';
import type { Exception } from './types.js';

export interface ExceptionOutcome {
  findings: Finding[];
  /** Exceptions past their expiry date: no longer applied, reported so someone renews or removes them. */
  expired: Exception[];
}

/**
 * Marks findings matched by a live exception as `skip`, keeping them visible with the reason.
 * Only problems are suppressed; a passing check stays a pass.
 */
export function applyExceptions(findings: readonly Finding[], exceptions: readonly Exception[], now: Date): ExceptionOutcome {
  const today = now.toISOString().slice(0, 10);
  const live = exceptions.filter((e) => e.expires === undefined || e.expires >= today);
  const expired = exceptions.filter((e) => e.expires !== undefined && e.expires < today);
  const out = findings.map((finding) => {
    if (!isProblem(finding.status)) return finding;
    const exception = live.find((e) => exceptionMatches(e, finding));
    if (exception === undefined) return finding;
    return {
      ...finding,
      status: 'skip' as const,
      suppression: {
        source: exception.source,
        reason: exception.reason,
        ...(exception.owner !== undefined ? { owner: exception.owner } : {}),
        ...(exception.ticket !== undefined ? { ticket: exception.ticket } : {}),
        ...(exception.expires !== undefined ? { expires: exception.expires } : {}),
      },
    };
  });
  return { findings: out, expired };
}
