import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { entriesOutput } from '../structured-lockfile.js';
import { parseComposerLock } from './parse.js';

/** composer.lock (PHP): `packages` are production, `packages-dev` get the `dev` group. */
export const composerLock = {
  id: 'composer-lock',
  version: 1,
  matches(path: string): boolean {
    return path === 'composer.lock' || path.endsWith('/composer.lock');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseComposerLock(content, path);
    return entriesOutput(path, parsed, (entry): Package => {
      // ref. purl-spec composer: vendor is the namespace; both are case-insensitive, so lower-cased.
      const slash = entry.name.indexOf('/');
      const namespace = slash > 0 ? entry.name.slice(0, slash).toLowerCase() : undefined;
      const bare = (slash > 0 ? entry.name.slice(slash + 1) : entry.name).toLowerCase();
      return {
        name: entry.name,
        version: entry.version,
        ecosystem: 'Packagist',
        purl: formatPurl({ type: 'composer', ...(namespace !== undefined ? { namespace } : {}), name: bare, version: entry.version }),
        depGroups: entry.dev ? ['dev'] : [],
        ...(entry.commit !== undefined ? { commit: entry.commit } : {}),
        locations: [{ path, line: entry.line }],
      };
    });
  },
} satisfies FileAnalyzer;
