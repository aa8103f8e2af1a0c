import type { CheckInfo } from '../types.js';
import { ACCESS_CHECKS } from './access.js';
import { POD_SECURITY_CHECKS } from './pod-security.js';
import { WORKLOAD_CHECKS } from './workload.js';

/** Checks that more than one family reports: defined once so their findings merge. */
export const SHARED_CHECKS: readonly CheckInfo[] = [...POD_SECURITY_CHECKS, ...WORKLOAD_CHECKS, ...ACCESS_CHECKS];

export type SharedCheckId =
  | (typeof POD_SECURITY_CHECKS)[number]['id']
  | (typeof WORKLOAD_CHECKS)[number]['id']
  | (typeof ACCESS_CHECKS)[number]['id'];

/** Looks up a shared check; a typo in an id is a compile error at the call site. */
export function sharedCheck(id: SharedCheckId): CheckInfo {
  const found = SHARED_CHECKS.find((c) => c.id === id);
  if (found === undefined) throw new Error(`unknown shared check ${id}`);
  return found;
}
