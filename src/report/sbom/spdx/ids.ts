import { createHash } from 'node:crypto';

/**
 * An SPDX element id. ref. SPDX 2.3 §7.2: `SPDXRef-` then letters, digits, `.` and `-` only. The
 * readable part is sanitised from the name; the hash of `key` keeps ids unique and stable.
 */
export function spdxId(kind: string, name: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `SPDXRef-${kind}-${idSafe(name)}-${hash}`;
}

/** Letters, digits, `.` and `-`; runs of anything else become one `-`. */
export function idSafe(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe === '' ? 'unnamed' : safe;
}
