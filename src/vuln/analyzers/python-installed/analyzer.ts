import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer } from '../../inventory/index.js';
import { failureOutput } from '../structured-lockfile.js';
import { parseCoreMetadata } from './parse.js';

/**
 * Installed Python distributions: wheel installs (`*.dist-info/METADATA`, ref.
 * https://packaging.python.org/en/latest/specifications/recording-installed-packages/) and
 * setuptools/egg installs (`*.egg-info/PKG-INFO`, `EGG-INFO/PKG-INFO`, or `*.egg-info` as a file).
 */
export const pythonInstalled = {
  id: 'python-installed',
  version: 1,
  matches(path: string): boolean {
    return /\.dist-info\/METADATA$/.test(path) || /(\.egg-info|(^|\/)EGG-INFO)\/PKG-INFO$/.test(path) || /\.egg-info$/.test(path);
  },
  async analyze({ path, content }): Promise<AnalyzerOutput> {
    const parsed = parseCoreMetadata(content);
    if (!parsed.ok) return failureOutput(path, parsed);
    const { name, version, line, headers } = parsed.metadata;
    return {
      packages: [
        {
          name,
          version,
          ecosystem: 'PyPI',
          purl: formatPurl({ type: 'pypi', name, version }),
          depGroups: [],
          locations: [{ path, line }],
          ...(headers.size > 0 ? { metadata: Object.fromEntries(headers) } : {}),
        },
      ],
      errors: [],
    };
  },
} satisfies FileAnalyzer;
