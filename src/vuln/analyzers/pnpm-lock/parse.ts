import { commitFromResolution } from '../git-commit.js';
import { readYaml } from '../read-yaml.js';
import { firstIssue } from '../schema-issue.js';
import { identityFromDepPath } from './dep-path.js';
import { PnpmLockfile, PnpmPackage } from './schema.js';

export interface PnpmEntry {
  name: string;
  version: string;
  commit?: string;
  depGroups: string[];
  line?: number;
}

export interface PnpmProblem {
  line?: number;
  message: string;
}

export type PnpmParseResult = { ok: true; entries: PnpmEntry[]; problems: PnpmProblem[] } | { ok: false; line?: number; message: string };

/**
 * Reads every `packages` entry of a pnpm-lock.yaml. pnpm 10 may put an extra YAML document (its
 * own config dependencies) before the main one, so every document is read.
 */
export function parsePnpmLock(text: string): PnpmParseResult {
  const read = readYaml(text);
  if (!read.ok) return read;
  const entries: PnpmEntry[] = [];
  const problems: PnpmProblem[] = [];
  for (const document of read.documents) {
    if (document.value === '') continue; // an empty document (`---` alone)
    const checked = PnpmLockfile.safeParse(document.value);
    if (!checked.success) return { ok: false, line: 1, message: `unexpected pnpm-lock.yaml content: ${firstIssue(checked.error).message}` };
    const major = Number.parseFloat(checked.data.lockfileVersion ?? '');
    const lines = document.keyLines(['packages']);
    for (const [depPath, raw] of Object.entries(checked.data.packages ?? {})) {
      const line = lines.get(depPath);
      const at = line === undefined ? {} : { line };
      const entry = readEntry(depPath, raw, Number.isNaN(major) ? 0 : major);
      if (typeof entry === 'string') problems.push({ ...at, message: entry });
      else if (entry !== undefined) entries.push({ ...entry, ...at });
    }
  }
  return { ok: true, entries, problems };
}

/** The package of one entry, a problem, or undefined when the entry names no package version. */
function readEntry(depPath: string, raw: unknown, major: number): Omit<PnpmEntry, 'line'> | string | undefined {
  const identity = identityFromDepPath(depPath, major);
  if (identity === undefined) return `invalid dependency path: ${depPath}`;
  const checked = PnpmPackage.safeParse(raw);
  if (!checked.success) return `packages["${depPath}"]: ${firstIssue(checked.error).message}`;
  const pkg = checked.data;
  // `name`/`version` fields are written exactly when the path does not encode them, and win.
  const name = pkg.name !== undefined && pkg.name !== '' ? pkg.name : identity.name;
  const version = pkg.version !== undefined && pkg.version !== '' ? pkg.version : identity.version;
  // A git or tarball entry without these fields, or a nameless `file:` entry, identifies no package.
  if (name === '' || version === '') return undefined;
  const commit = pkg.resolution?.commit ?? commitFromResolution(pkg.resolution?.tarball);
  return { name, version, ...(commit !== undefined && commit !== '' ? { commit } : {}), depGroups: groupsOf(pkg, major) };
}

/**
 * Lockfiles before 9 mark packages only dev or only optional dependencies need. Lockfile 9 drops
 * these fields from `packages` (the importers and `snapshots` graph would have to be walked), so
 * its packages carry no group, as OSV tooling reports them.
 */
function groupsOf(pkg: PnpmPackage, major: number): string[] {
  if (major >= 9) return [];
  const groups: string[] = [];
  if (pkg.dev === 'true') groups.push('dev');
  if (pkg.optional === 'true') groups.push('optional');
  return groups;
}
