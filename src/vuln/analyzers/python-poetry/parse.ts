import { readToml } from '../read-toml.js';
import { firstIssue } from '../schema-issue.js';
import { locateArrayTables } from '../toml-positions.js';
import { PoetryLock } from './schema.js';
import type { PoetryPackage } from './schema.js';

export interface PoetryEntry {
  name: string;
  version: string;
  groups: string[];
  commit?: string;
  line?: number;
}

export type PoetryParseResult =
  | { ok: true; entries: PoetryEntry[] }
  | { ok: false; line?: number; message: string };

export function parsePoetryLock(text: string): PoetryParseResult {
  const read = readToml(text);
  if (!read.ok) return read;
  const document = read.value;
  const tables = locateArrayTables(text, 'package');
  const checked = PoetryLock.safeParse(document);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    const index = issue.path[0] === 'package' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const line = index === undefined ? undefined : tables[index]?.line;
    return { ok: false, ...(line !== undefined ? { line } : {}), message: `unexpected poetry.lock content: ${issue.message}` };
  }
  const packages = checked.data.package ?? [];
  const paired = tables.length === packages.length;
  const entries = packages.map((pkg, n): PoetryEntry => {
    const line = paired ? (tables[n]?.keys.get('name') ?? tables[n]?.line) : undefined;
    const commit = pkg.source?.type === 'git' ? pkg.source.resolved_reference : undefined;
    return {
      name: pkg.name,
      version: pkg.version,
      groups: groupsOf(pkg),
      ...(commit !== undefined && commit !== '' ? { commit } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  });
  return { ok: true, entries };
}

/**
 * An optional package is only installed through an extra, so it is `optional` whatever its group.
 * A package any production code needs (`main` group, or category `main` in lock-version 1.x) is
 * production; otherwise it belongs to the dependency groups that pull it in (`dev`, `test`, ...).
 */
function groupsOf(pkg: PoetryPackage): string[] {
  if (pkg.optional === true) return ['optional'];
  if (pkg.groups !== undefined) return pkg.groups.includes('main') ? [] : [...pkg.groups];
  if (pkg.category !== undefined && pkg.category !== 'main') return [pkg.category];
  return [];
}
