import type { AnalyzerOutput, FileAnalyzer } from '../../inventory/index.js';
import { locationOf, npmPackage } from '../npm-package.js';
import { failureOutput } from '../structured-lockfile.js';
import { parsePnpmLock } from './parse.js';

/** pnpm-lock.yaml, lockfileVersion 5.x, 6.x and 9.x: one package per `packages` entry. */
export const pnpmLock = {
  id: 'pnpm-lock',
  version: 1,
  matches(path: string): boolean {
    const segments = path.split('/');
    // A lockfile inside an installed package (or pnpm's store) describes that package, not this project.
    return segments[segments.length - 1] === 'pnpm-lock.yaml' && !segments.slice(0, -1).includes('node_modules');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parsePnpmLock(content);
    if (!parsed.ok) return failureOutput(path, parsed);
    const packages = parsed.entries.map((entry) =>
      npmPackage({ name: entry.name, version: entry.version, depGroups: entry.depGroups, commit: entry.commit, locations: [locationOf(path, entry.line)] }),
    );
    return { packages, errors: parsed.problems.map((problem) => ({ path, ...problem })) };
  },
} satisfies FileAnalyzer;
