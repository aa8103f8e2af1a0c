import { commitFromResolution } from '../git-commit.js';
import { firstIssue } from '../schema-issue.js';
import { readJson } from './json.js';
import { NpmLockDependency, NpmLockPackage, NpmLockfile } from './schema.js';

/** One installed copy of a package, as the lockfile lists it (copies are merged later). */
export interface NpmLockEntry {
  name: string;
  version: string;
  commit?: string;
  /** `bundled`, `dev`, `optional`; empty for production. */
  depGroups: string[];
  line?: number;
}

/** An entry that could not be read; the others still are. */
export interface NpmLockProblem {
  line?: number;
  message: string;
}

export type NpmLockParseResult =
  | { ok: true; entries: NpmLockEntry[]; problems: NpmLockProblem[] }
  | { ok: false; line?: number; message: string };

type LineOf = (object: object) => number | undefined;

/**
 * Reads package-lock.json / npm-shrinkwrap.json. lockfileVersion 2 and 3 list every installed
 * folder under `packages`; version 1 nests `dependencies`. When both are present (version 2),
 * `packages` is the complete one (ref. npm docs "package-lock.json > lockfileVersion").
 */
export function parseNpmLock(text: string): NpmLockParseResult {
  const json = readJson(text);
  if (!json.ok) return json;
  const checked = NpmLockfile.safeParse(json.value);
  if (!checked.success) {
    const line = (typeof json.value === 'object' && json.value !== null ? json.lineOf(json.value) : undefined) ?? 1;
    return { ok: false, line, message: `unexpected lockfile content: ${firstIssue(checked.error).message}` };
  }
  const entries: NpmLockEntry[] = [];
  const problems: NpmLockProblem[] = [];
  const { packages, dependencies } = checked.data;
  if (packages !== undefined) readPackages(packages, json.lineOf, entries, problems);
  else if (dependencies !== undefined) readDependencies(dependencies, 'dependencies', json.lineOf, entries, problems);
  return { ok: true, entries, problems };
}

function readPackages(packages: Record<string, unknown>, lineOf: LineOf, entries: NpmLockEntry[], problems: NpmLockProblem[]): void {
  for (const [installPath, raw] of Object.entries(packages)) {
    // The key "" is the root project itself, which is not a dependency.
    if (installPath === '') continue;
    const line = lineFor(raw, lineOf);
    const checked = NpmLockPackage.safeParse(raw);
    if (!checked.success) {
      problems.push({ ...line, message: `packages["${installPath}"]: ${firstIssue(checked.error).message}` });
      continue;
    }
    const pkg = checked.data;
    // A link's target folder is an entry of its own (ref. npm docs: "link: … no other fields are specified").
    if (pkg.link === true) continue;
    const name = pkg.name ?? nameFromInstallPath(installPath);
    if (name === '') {
      problems.push({ ...line, message: `packages["${installPath}"]: no package name in the install path` });
      continue;
    }
    const commit = commitFromResolution(pkg.resolved);
    entries.push({ name, version: pkg.version ?? '', ...(commit !== undefined ? { commit } : {}), depGroups: packageGroups(pkg), ...line });
  }
}

function readDependencies(
  dependencies: Record<string, unknown>,
  where: string,
  lineOf: LineOf,
  entries: NpmLockEntry[],
  problems: NpmLockProblem[],
): void {
  for (const [key, raw] of Object.entries(dependencies)) {
    const line = lineFor(raw, lineOf);
    const checked = NpmLockDependency.safeParse(raw);
    if (!checked.success) {
      problems.push({ ...line, message: `${where}["${key}"]: ${firstIssue(checked.error).message}` });
      continue;
    }
    const dependency = checked.data;
    if (dependency.dependencies !== undefined) {
      readDependencies(dependency.dependencies, `${where}["${key}"].dependencies`, lineOf, entries, problems);
    }
    entries.push({ ...versionOfDependency(key, dependency.version ?? ''), depGroups: dependencyGroups(dependency), ...line });
  }
}

/**
 * lockfileVersion 1 puts everything in `version`: `npm:<name>@<version>` for an alias (the real
 * package is reported), `file:<path>` for a local folder (no version), a git URL for a git
 * dependency (its commit; v1 records no version for it).
 */
function versionOfDependency(key: string, recorded: string): { name: string; version: string; commit?: string } {
  if (recorded.startsWith('npm:')) {
    const target = recorded.slice('npm:'.length);
    const at = target.lastIndexOf('@');
    if (at > 0) return { name: target.slice(0, at), version: target.slice(at + 1) };
    return { name: target === '' ? key : target, version: '' };
  }
  if (recorded.startsWith('file:')) return { name: key, version: '' };
  const commit = commitFromResolution(recorded);
  return commit === undefined ? { name: key, version: recorded } : { name: key, version: '', commit };
}

/** ref. npm docs "packages": `dev`, `optional`, `devOptional` (both), `inBundle`. */
function packageGroups(pkg: NpmLockPackage): string[] {
  const groups: string[] = [];
  if (pkg.inBundle === true) groups.push('bundled');
  if (pkg.dev === true || pkg.devOptional === true) groups.push('dev');
  if (pkg.optional === true || pkg.devOptional === true) groups.push('optional');
  return groups;
}

/** ref. npm docs "dependencies" (lockfileVersion 1): `dev`, `optional`, `bundled`. */
function dependencyGroups(dependency: NpmLockDependency): string[] {
  const groups: string[] = [];
  if (dependency.bundled === true) groups.push('bundled');
  if (dependency.dev === true) groups.push('dev');
  if (dependency.optional === true) groups.push('optional');
  return groups;
}

/**
 * `node_modules/a/node_modules/@s/b` → `@s/b`. Keys outside node_modules are workspace or `file:`
 * folders (`packages/a`, `../etag`); their last segment (with its scope) is the best name there is.
 */
export function nameFromInstallPath(installPath: string): string {
  const marker = 'node_modules/';
  const at = installPath.lastIndexOf(marker);
  if (at >= 0) return installPath.slice(at + marker.length);
  const segments = installPath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  const last = segments[segments.length - 1] ?? '';
  const scope = segments[segments.length - 2];
  return scope?.startsWith('@') === true ? `${scope}/${last}` : last;
}

function lineFor(raw: unknown, lineOf: LineOf): { line?: number } {
  const line = typeof raw === 'object' && raw !== null ? lineOf(raw) : undefined;
  return line === undefined ? {} : { line };
}
