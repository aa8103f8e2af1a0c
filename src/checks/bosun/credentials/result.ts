import type { Severity } from '../../../findings/index.js';
import type { PathSegment } from '../../../kernel/index.js';
import type { Resource } from '../../../k8s/index.js';
import type { CheckInfo, CheckResult } from '../../types.js';
import { bosunId } from '../group.js';
import type { Detection, Entry } from './scan.js';
import { scanEntries } from './scan.js';

/** An entry with where it sits and how messages name it (`env DB_PASSWORD`, `data.password`). */
export interface LocatedEntry extends Entry {
  path: readonly PathSegment[];
  label: string;
}

/**
 * One result for a set of entries (a container's env, a ConfigMap, a Secret): `fail` listing every
 * entry with a credential, pointing at the first; `pass` otherwise. Messages carry masked values only.
 */
export function credentialResult(
  check: CheckInfo,
  resource: Resource,
  entries: readonly LocatedEntry[],
  texts: { pass: string; container?: string },
): CheckResult {
  const container = texts.container === undefined ? {} : { container: texts.container };
  const base = { checkId: check.id, compatibleId: bosunId(check.id), resource, ...container };
  const detections = scanEntries(entries);
  const offending = entries.flatMap((entry, i) => {
    const found = detections[i] ?? [];
    return found.length === 0 ? [] : [{ entry, found }];
  });
  const first = offending[0];
  if (first === undefined) return { ...base, status: 'pass', message: texts.pass };
  return {
    ...base,
    status: 'fail',
    severity: severityOf(offending.flatMap((o) => o.found), check.severity),
    message: offending.map(({ entry, found }) => `${entry.label}: ${found.map(describe).join(', ')}`).join('; '),
    path: first.entry.path,
  };
}

/** A private key is critical: it cannot be rotated as quickly as a password and often unlocks TLS or SSH for many hosts. */
function severityOf(detections: readonly Detection[], fallback: Severity): Severity {
  return detections.some((d) => d.kind === 'private-key') ? 'critical' : fallback;
}

function describe(detection: Detection): string {
  return `${detection.label} (${detection.masked})`;
}
