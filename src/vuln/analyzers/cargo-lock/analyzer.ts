import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { failureOutput } from '../structured-lockfile.js';
import { parseCargoLock } from './parse.js';

/** Cargo.lock: every locked crate, workspace (path) crates included, as Cargo records them. */
export const cargoLock = {
  id: 'cargo-lock',
  version: 1,
  matches(path: string): boolean {
    return path === 'Cargo.lock' || path.endsWith('/Cargo.lock');
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseCargoLock(content);
    if (!parsed.ok) return failureOutput(path, parsed);
    const packages = parsed.crates.map(
      (crate): Package => ({
        name: crate.name,
        version: crate.version,
        ecosystem: 'crates.io',
        purl: formatPurl({ type: 'cargo', name: crate.name, version: crate.version }),
        depGroups: [],
        ...(crate.commit !== undefined ? { commit: crate.commit } : {}),
        locations: [{ path, ...(crate.line !== undefined ? { line: crate.line } : {}) }],
      }),
    );
    return { packages, errors: [] };
  },
} satisfies FileAnalyzer;
