import type { Resource } from '../../k8s/index.js';
import { apiGroup } from '../../k8s/index.js';
import type { AuditContext, CheckInfo, CheckResult } from '../types.js';

/** One area of Bosun's own checks (RBAC, services, ...). The family is the union of its groups. */
export interface CheckGroup {
  /** Every check the group can report, shared ones included. */
  checks: readonly CheckInfo[];
  run(context: AuditContext): CheckResult[];
}

/** A check only Bosun reports: its compatible id is our own `bosun:<id>`. */
export function ownCheck(info: Omit<CheckInfo, 'compatibleIds'>): CheckInfo {
  return { ...info, compatibleIds: [bosunId(info.id)] };
}

/** The family-native id Bosun reports a check under, for shared and own checks alike. */
export function bosunId(checkId: string): string {
  return `bosun:${checkId}`;
}

/**
 * Is the resource this kind in one of these API groups? Custom resources reuse built-in kind names
 * (Knative `Service`, Crossplane `Role`), so the kind alone would misfire on them.
 */
export function isKind(resource: Pick<Resource, 'apiVersion' | 'kind'>, kind: string, groups: readonly string[]): boolean {
  return resource.kind === kind && groups.includes(apiGroup(resource.apiVersion));
}

export const CORE_GROUP: readonly string[] = [''];
export const RBAC_GROUP: readonly string[] = ['rbac.authorization.k8s.io'];
