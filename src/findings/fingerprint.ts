import { createHash } from 'node:crypto';
import type { Subject } from './types.js';

/**
 * Stable identity of a finding: check + subject, nothing positional, so it survives reformatting,
 * reordering and line moves. `discriminator` separates several findings of one check on one subject
 * (e.g. two forbidden capabilities).
 */
export function fingerprintOf(checkId: string, subject: Subject, discriminator = ''): string {
  const parts = [checkId, subject.type, subject.apiVersion.split('/')[0] ?? '', subject.kind, subject.namespace ?? '', subject.name, subject.container ?? '', discriminator];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
