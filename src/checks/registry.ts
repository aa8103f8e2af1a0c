import { bosunFamily } from './bosun/index.js';
import { SHARED_CHECKS } from './catalog/index.js';
import { kubeauditFamily } from './kubeaudit/index.js';
import { pssFamily } from './pss/index.js';
import { polarisFamily } from './polaris/index.js';
import type { CheckFamily, CheckInfo, FamilyId } from './types.js';

/** Every family, registered explicitly (no import side effects). A test checks each folder is here. */
export const FAMILIES: ReadonlyMap<FamilyId, CheckFamily> = new Map<FamilyId, CheckFamily>([
  [pssFamily.id, pssFamily],
  [polarisFamily.id, polarisFamily],
  [kubeauditFamily.id, kubeauditFamily],
  [bosunFamily.id, bosunFamily],
]);

/** All checks by id: the shared catalog plus each family's own. */
export function allChecks(): ReadonlyMap<string, CheckInfo> {
  const out = new Map<string, CheckInfo>();
  for (const check of SHARED_CHECKS) out.set(check.id, check);
  for (const family of FAMILIES.values()) {
    for (const check of family.checks) if (!out.has(check.id)) out.set(check.id, check);
  }
  return out;
}

/** Families that can report a check. */
export function familiesOf(checkId: string): FamilyId[] {
  return [...FAMILIES.values()].filter((f) => f.checks.some((c) => c.id === checkId)).map((f) => f.id);
}

/** Finds a check by our id or by any compatible id (`polaris:hostIPCSet`, `kubeaudit:PrivilegedTrue`). */
export function findCheck(idOrCompatible: string): CheckInfo | undefined {
  const checks = allChecks();
  const direct = checks.get(idOrCompatible);
  if (direct !== undefined) return direct;
  const wanted = idOrCompatible.toLowerCase();
  for (const check of checks.values()) {
    if (check.compatibleIds.some((c) => c.toLowerCase() === wanted)) return check;
  }
  return undefined;
}
