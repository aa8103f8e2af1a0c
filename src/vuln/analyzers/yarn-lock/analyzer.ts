import type { AnalyzerOutput, FileAnalyzer } from '../../inventory/index.js';
import { commitFromResolution } from '../git-commit.js';
import { locationOf, npmPackage } from '../npm-package.js';
import { failureOutput } from '../structured-lockfile.js';
import { parseYarnLock } from './parse.js';

/**
 * yarn.lock, classic (v1) and berry: one package per resolved block. yarn.lock does not say which
 * packages are dev-only, so every package has no group.
 */
export const yarnLock = {
  id: 'yarn-lock',
  version: 1,
  matches(path: string): boolean {
    const segments = path.split('/');
    // A yarn.lock shipped inside an installed package describes that package's tree, not this project's.
    return segments[segments.length - 1] === 'yarn.lock' && !segments.slice(0, -1).includes('node_modules');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseYarnLock(content);
    if (!parsed.ok) return failureOutput(path, parsed);
    const packages = parsed.entries.map((entry) =>
      npmPackage({
        name: entry.name,
        version: entry.version,
        commit: commitFromResolution(entry.resolution),
        locations: [locationOf(path, entry.line)],
      }),
    );
    return { packages, errors: parsed.problems.map((problem) => ({ path, ...problem })) };
  },
} satisfies FileAnalyzer;
