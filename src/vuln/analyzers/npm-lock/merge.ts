import type { PackageLocation } from '../../inventory/index.js';
import type { NpmLockEntry } from './parse.js';

/** One package: every installed copy of the same name, version and commit. */
export interface MergedPackage {
  name: string;
  version: string;
  commit?: string;
  depGroups: string[];
  locations: PackageLocation[];
}

/**
 * npm installs one package several times (nested copies, dev and prod paths). Copies of the same
 * name, version and commit are one package; it is production as soon as one copy is, and
 * otherwise belongs to every group its copies belong to.
 */
export function mergeCopies(entries: readonly NpmLockEntry[], path: string): MergedPackage[] {
  const merged = new Map<string, MergedPackage>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.name, entry.version, entry.commit ?? '']);
    const location: PackageLocation = entry.line === undefined ? { path } : { path, line: entry.line };
    const existing = merged.get(key);
    if (existing === undefined) {
      merged.set(key, {
        name: entry.name,
        version: entry.version,
        ...(entry.commit !== undefined ? { commit: entry.commit } : {}),
        depGroups: [...entry.depGroups],
        locations: [location],
      });
      continue;
    }
    existing.locations.push(location);
    existing.depGroups =
      existing.depGroups.length === 0 || entry.depGroups.length === 0 ? [] : [...new Set([...existing.depGroups, ...entry.depGroups])];
  }
  return [...merged.values()];
}
