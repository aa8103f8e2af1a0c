import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { entriesOutput } from '../structured-lockfile.js';
import { parsePipfileLock } from './parse.js';

/** Pipfile.lock (pipenv): `default` is production, `develop` gets the `dev` group. */
export const pythonPipfile = {
  id: 'python-pipfile',
  version: 1,
  matches(path: string): boolean {
    return path === 'Pipfile.lock' || path.endsWith('/Pipfile.lock');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parsePipfileLock(content, path);
    return entriesOutput(path, parsed, (entry): Package => ({
      name: entry.name,
      version: entry.version,
      ecosystem: 'PyPI',
      purl: formatPurl({ type: 'pypi', name: entry.name, version: entry.version }),
      depGroups: entry.dev ? ['dev'] : [],
      locations: [{ path, line: entry.line }],
    }));
  },
} satisfies FileAnalyzer;
