import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { nugetPackage } from '../nuget-package.js';
import { entriesOutput } from '../structured-lockfile.js';
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
    return entriesOutput(path, parsed, (entry): Package => ({
      ...nugetPackage(path, entry),
      metadata: { direct: entry.direct, frameworks: entry.frameworks },
    }));
  },
} satisfies FileAnalyzer;
