import type { AnalyzerOutput, FileAnalyzer, FileReader } from '../../inventory/index.js';
import { npmPackage } from '../npm-package.js';
import { mergeCopies } from './merge.js';
import { failureOutput } from '../structured-lockfile.js';
import { parseNpmLock } from './parse.js';

const LOCKFILES: ReadonlySet<string> = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

/** package-lock.json (lockfileVersion 1–3) and npm-shrinkwrap.json: every installed package but the root project. */
export const npmLock = {
  id: 'npm-lock',
  version: 1,
  matches(path: string): boolean {
    const segments = path.split('/');
    // Lockfiles shipped inside installed packages describe those packages' own trees, not this project's.
    return LOCKFILES.has(segments[segments.length - 1] ?? '') && !segments.slice(0, -1).includes('node_modules');
  },
  async analyze({ path, content, files }): Promise<AnalyzerOutput> {
    if (await shrinkwrapBeside(path, files)) return { packages: [], errors: [] };
    const parsed = parseNpmLock(content);
    if (!parsed.ok) return failureOutput(path, parsed);
    const packages = mergeCopies(parsed.entries, path).map((merged) => npmPackage(merged));
    const errors = parsed.problems.map((problem) => ({ path, ...problem }));
    return { packages, errors };
  },
} satisfies FileAnalyzer;

/**
 * "If both package-lock.json and npm-shrinkwrap.json are present in the root of a project,
 * npm-shrinkwrap.json will take precedence and package-lock.json will be ignored."
 * (ref. npm docs "npm-shrinkwrap.json"). The package-lock then adds nothing.
 */
async function shrinkwrapBeside(path: string, files: FileReader): Promise<boolean> {
  const slash = path.lastIndexOf('/');
  if (path.slice(slash + 1) !== 'package-lock.json') return false;
  try {
    return (await files.readText(`${path.slice(0, slash + 1)}npm-shrinkwrap.json`)) !== undefined;
  } catch {
    return false; // an unreadable sibling cannot take precedence
  }
}
