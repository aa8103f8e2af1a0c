import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { nugetPackage } from '../nuget-package.js';
import { entriesOutput } from '../structured-lockfile.js';
import { parseDepsJson } from './parse.js';

/** `*.deps.json` of a built .NET app: the NuGet packages (and runtime packs) it runs with. */
export const dotnetDepsJson = {
  id: 'dotnet-deps-json',
  version: 1,
  matches(path: string): boolean {
    return path.endsWith('.deps.json');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseDepsJson(content, path);
    return entriesOutput(path, parsed, (entry): Package => ({
      ...nugetPackage(path, entry),
      ...(entry.type === 'runtimepack' ? { metadata: { libraryType: entry.type } } : {}),
    }));
  },
} satisfies FileAnalyzer;
