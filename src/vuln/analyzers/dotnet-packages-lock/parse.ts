import { readJsonDocument } from '../structured-lockfile.js';
import { PackagesLock } from './schema.js';

export interface NuGetLockEntry {
  name: string;
  version: string;
  /** Referenced by the project itself (`Direct`), not pulled in by another package. */
  direct: boolean;
  /** Target frameworks (`net8.0`, `net8.0/linux-x64`) that lock it. */
  frameworks: string[];
  line: number;
}

export type PackagesLockParseResult = { ok: true; entries: NuGetLockEntry[] } | { ok: false; line?: number; message: string };

/**
 * One entry per package version, merged across target frameworks. `Project` entries are project
 * references built from source, not NuGet packages, and carry no resolved version.
 */
export function parsePackagesLock(text: string, file: string): PackagesLockParseResult {
  const read = readJsonDocument(text, file, PackagesLock, { unexpected: 'unexpected packages.lock.json content' });
  if (!read.ok) return read;
  const { data, document } = read;
  const byKey = new Map<string, NuGetLockEntry>();
  for (const [framework, packages] of Object.entries(data.dependencies ?? {})) {
    for (const [name, locked] of Object.entries(packages)) {
      if (locked.type === 'Project') continue;
      if (locked.resolved === undefined || locked.resolved === '') {
        return { ok: false, line: document.locate(['dependencies', framework, name]).line, message: `${framework}: ${name} has no resolved version` };
      }
      // NuGet package ids are case-insensitive.
      const key = `${name.toLowerCase()}@${locked.resolved}`;
      const known = byKey.get(key);
      if (known !== undefined) {
        known.direct ||= locked.type === 'Direct';
        known.frameworks.push(framework);
        continue;
      }
      byKey.set(key, {
        name,
        version: locked.resolved,
        direct: locked.type === 'Direct',
        frameworks: [framework],
        line: document.locate(['dependencies', framework, name]).line,
      });
    }
  }
  return { ok: true, entries: [...byKey.values()] };
}
