import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { parsePackagesLock } from './parse.js';

/** packages.lock.json (NuGet lock file): every locked package, direct and transitive. */
export const dotnetPackagesLock = {
  id: 'dotnet-packages-lock',
  version: 1,
  matches(path: string): boolean {
    return path === 'packages.lock.json' || path.endsWith('/packages.lock.json');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parsePackagesLock(content, path);
    if (!parsed.ok) {
      return { packages: [], errors: [{ path, ...(parsed.line !== undefined ? { line: parsed.line } : {}), message: parsed.message }] };
    }
    const packages = parsed.entries.map(
      (entry): Package => ({
        name: entry.name,
        version: entry.version,
        ecosystem: 'NuGet',
        purl: formatPurl({ type: 'nuget', name: entry.name, version: entry.version }),
        depGroups: [],
        locations: [{ path, line: entry.line }],
        metadata: { direct: entry.direct, frameworks: entry.frameworks },
      }),
    );
    return { packages, errors: [] };
  },
} satisfies FileAnalyzer;
