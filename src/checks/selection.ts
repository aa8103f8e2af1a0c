import { BosunError } from '../kernel/index.js';
import { allChecks, FAMILIES, findCheck } from './registry.js';
import type { FamilyId } from './types.js';

/** What `--checks` asked for. */
export interface CheckSelection {
  families: ReadonlySet<FamilyId>;
  /** When set, only these check ids are reported. */
  checkIds?: ReadonlySet<string>;
  /** Set by `pss-baseline` / `pss-restricted`. */
  pssLevel?: 'baseline' | 'restricted';
}

const FAMILY_ALIASES: Record<string, { family: FamilyId; pssLevel?: 'baseline' | 'restricted' }> = {
  pss: { family: 'pss' },
  'pss-baseline': { family: 'pss', pssLevel: 'baseline' },
  'pss-restricted': { family: 'pss', pssLevel: 'restricted' },
  polaris: { family: 'polaris' },
  kubeaudit: { family: 'kubeaudit' },
  bosun: { family: 'bosun' },
};

/** Names accepted by `--checks` besides check ids. */
export const SELECTION_NAMES = ['all', ...Object.keys(FAMILY_ALIASES)] as const;

/**
 * Parses `--checks` values (comma lists allowed): `all`, a family, `pss-baseline|pss-restricted`,
 * or check ids (ours or compatible ones). Check ids select the families that report them.
 */
export function parseSelection(values: readonly string[]): CheckSelection {
  const items = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (items.length === 0 || items.includes('all')) return { families: new Set(FAMILIES.keys()) };
  const families = new Set<FamilyId>();
  const checkIds = new Set<string>();
  let pssLevel: 'baseline' | 'restricted' | undefined;
  for (const item of items) {
    const alias = FAMILY_ALIASES[item];
    if (alias !== undefined) {
      families.add(alias.family);
      if (alias.pssLevel !== undefined) pssLevel = alias.pssLevel;
      continue;
    }
    const check = findCheck(item);
    if (check === undefined) {
      throw new BosunError('usage', `unknown check or family "${item}" (try \`bosun checks list\`; families: ${SELECTION_NAMES.join(', ')})`);
    }
    checkIds.add(check.id);
    for (const family of FAMILIES.values()) {
      if (family.checks.some((c) => c.id === check.id)) families.add(family.id);
    }
  }
  const selection: CheckSelection = { families };
  return {
    ...selection,
    ...(checkIds.size > 0 ? { checkIds } : {}),
    ...(pssLevel !== undefined ? { pssLevel } : {}),
  };
}

/** Ids of every registered check, for help texts. */
export function knownCheckIds(): string[] {
  return [...allChecks().keys()].sort();
}
