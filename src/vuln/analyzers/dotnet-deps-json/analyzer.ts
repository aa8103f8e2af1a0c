import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
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
        ...(entry.type === 'runtimepack' ? { metadata: { libraryType: entry.type } } : {}),
      }),
    );
    return { packages, errors: [] };
  },
} satisfies FileAnalyzer;
