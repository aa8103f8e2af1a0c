import { parseYamlStream } from '../../../kernel/index.js';
import { firstIssue } from '../schema-issue.js';
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
  const stream = parseYamlStream(text, { file, json: true });
  const error = stream.errors[0];
  const document = stream.documents[0];
  if (error !== undefined || document === undefined) {
    return { ok: false, ...(error?.line !== undefined ? { line: error.line } : {}), message: error?.message ?? 'empty document' };
  }
  const checked = PackagesLock.safeParse(document.value);
  if (!checked.success) {
    const issue = firstIssue(checked.error);
    return { ok: false, line: document.locate(issue.path).line, message: `unexpected packages.lock.json content: ${issue.message}` };
  }
  const byKey = new Map<string, NuGetLockEntry>();
  for (const [framework, packages] of Object.entries(checked.data.dependencies ?? {})) {
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
