import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { parseGemfileLock } from './parse.js';

/** Gemfile.lock / gems.locked (Bundler): the specs of the GEM, GIT, PATH and plugin sources. */
export const gemfileLock = {
  id: 'gemfile-lock',
  version: 1,
  matches(path: string): boolean {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return base === 'Gemfile.lock' || base === 'gems.locked';
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseGemfileLock(content);
    const packages = parsed.specs.map(
      (spec): Package => ({
        name: spec.name,
        version: spec.version,
        ecosystem: 'RubyGems',
        // ref. purl-spec gem: `platform` qualifier for native gems.
        purl: formatPurl({
          type: 'gem',
          name: spec.name,
          version: spec.version,
          ...(spec.platform !== undefined ? { qualifiers: { platform: spec.platform } } : {}),
        }),
        depGroups: [],
        ...(spec.commit !== undefined ? { commit: spec.commit } : {}),
        locations: [{ path, line: spec.line }],
      }),
    );
    return { packages, errors: parsed.problems.map((p) => ({ path, line: p.line, message: p.message })) };
  },
} satisfies FileAnalyzer;
