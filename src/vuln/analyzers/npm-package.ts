import { npmPurl } from '../inventory/index.js';
import type { Package, PackageLocation } from '../inventory/index.js';

/** What the JavaScript analyzers know about one package; shared so every npm-ecosystem package is built alike. */
export interface NpmPackageFacts {
  name: string;
  /** Exactly as recorded; '' when the format gives none (git deps in lockfile v1, `file:` deps). */
  version: string;
  locations: PackageLocation[];
  /** Empty for production. @default [] */
  depGroups?: readonly string[];
  commit?: string | undefined;
}

/** A package of the `npm` ecosystem (npm, yarn and pnpm all install from the npm registry namespace). */
export function npmPackage(facts: NpmPackageFacts): Package {
  return {
    name: facts.name,
    version: facts.version,
    ecosystem: 'npm',
    purl: npmPurl(facts.name, facts.version),
    depGroups: [...(facts.depGroups ?? [])].sort(),
    ...(facts.commit !== undefined && facts.commit !== '' ? { commit: facts.commit } : {}),
    locations: facts.locations,
  };
}

/** `path` plus `line` when known, without an explicit `line: undefined` (exactOptionalPropertyTypes). */
export function locationOf(path: string, line: number | undefined): PackageLocation {
  return line === undefined ? { path } : { path, line };
}
