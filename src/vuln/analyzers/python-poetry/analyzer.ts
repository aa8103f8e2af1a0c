import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { entriesOutput } from '../structured-lockfile.js';
import { parsePoetryLock } from './parse.js';

/** poetry.lock (lock-version 1.x and 2.x), with Poetry dependency groups and git commits. */
export const pythonPoetry = {
  id: 'python-poetry',
  version: 1,
  matches(path: string): boolean {
    return path === 'poetry.lock' || path.endsWith('/poetry.lock');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parsePoetryLock(content);
    return entriesOutput(path, parsed, (entry): Package => ({
      name: entry.name,
      version: entry.version,
      ecosystem: 'PyPI',
      purl: formatPurl({ type: 'pypi', name: entry.name, version: entry.version }),
      depGroups: entry.groups,
      ...(entry.commit !== undefined ? { commit: entry.commit } : {}),
      locations: [{ path, ...(entry.line !== undefined ? { line: entry.line } : {}) }],
    }));
  },
} satisfies FileAnalyzer;
