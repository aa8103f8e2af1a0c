import { formatPurl } from '../inventory/index.js';
import type { Package } from '../inventory/index.js';

/** What the .NET analyzers know about one NuGet package. */
export interface NuGetPackageFacts {
  name: string;
  version: string;
  line: number;
}

/**
 * A package of the `NuGet` ecosystem found at `line` of `path`; shared by the .NET analyzers
 * (packages.lock.json, *.deps.json) so every NuGet package is built alike. Callers add `metadata`.
 */
export function nugetPackage(path: string, facts: NuGetPackageFacts): Package {
  return {
    name: facts.name,
    version: facts.version,
    ecosystem: 'NuGet',
    purl: formatPurl({ type: 'nuget', name: facts.name, version: facts.version }),
    depGroups: [],
    locations: [{ path, line: facts.line }],
  };
}
