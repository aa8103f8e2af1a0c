import path from 'node:path';
import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, Package, PackageLocation } from '../../inventory/index.js';
import { parseRequirementsFile } from './parse.js';
import type { RequirementEntry } from './parse.js';

/** C0 control characters other than tab, newline, form feed and carriage return. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/**
 * requirements.txt (pip): one package per requirement line, following `-r` includes. Files named
 * like pip-tools' and most projects' (`requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`).
 */
export const pythonRequirements = {
  id: 'python-requirements',
  version: 1,
  matches(file: string): boolean {
    const base = file.slice(file.lastIndexOf('/') + 1);
    return base.endsWith('.txt') && base.includes('requirements');
  },
  async analyze({ path: root, content, files }): Promise<AnalyzerOutput> {
    const packages: Package[] = [];
    const errors: AnalyzerError[] = [];
    // pip reads requirements files as text; control bytes mean this is some other (binary) file.
    const binary = BINARY.exec(content);
    if (binary !== null) {
      const line = content.slice(0, binary.index).split('\n').length;
      return { packages: [], errors: [{ path: root, line, message: 'binary content: not a requirements file' }] };
    }
    const top = parseRequirementsFile(content);
    for (const entry of top.requirements) packages.push(toPackage(entry, [{ path: root, line: entry.line }]));

    // Breadth-first over includes. A file is read once: that ends include loops and keeps a
    // file included twice (diamond) from doubling its packages.
    const seen = new Set([path.posix.normalize(root)]);
    const queue = top.includes.map((include) => ({ from: root, ...include, via: include.line }));
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      // Relative includes are relative to the including file; absolute ones to the scanned root.
      const target = next.target.startsWith('/')
        ? path.posix.normalize(next.target.slice(1))
        : path.posix.normalize(path.posix.join(path.posix.dirname(next.from), next.target));
      if (seen.has(target)) continue;
      seen.add(target);
      const text = await files.readText(target);
      if (text === undefined) {
        errors.push({ path: next.from, line: next.line, message: `included requirements file ${next.target} not found` });
        continue;
      }
      const included = parseRequirementsFile(text);
      // Packages are reported at the top file's `-r` line, with the line that declares them.
      for (const entry of included.requirements) {
        packages.push(toPackage(entry, [{ path: root, line: next.via }, { path: target, line: entry.line }]));
      }
      const via = next.via;
      queue.push(...included.includes.map((include) => ({ from: target, ...include, via })));
    }
    return { packages, errors };
  },
} satisfies FileAnalyzer;

function toPackage(entry: RequirementEntry, locations: PackageLocation[]): Package {
  return {
    name: entry.name,
    version: entry.version,
    ecosystem: 'PyPI',
    purl: formatPurl({ type: 'pypi', name: entry.name, version: entry.version }),
    depGroups: [],
    locations,
    metadata: {
      requirement: entry.requirement,
      ...(entry.comparator !== undefined ? { versionComparator: entry.comparator } : {}),
      ...(entry.hashes.length > 0 ? { hashCheckingModeValues: entry.hashes } : {}),
    },
  };
}
