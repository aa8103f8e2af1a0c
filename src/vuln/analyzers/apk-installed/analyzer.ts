import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { detectOs, purlDistro } from '../../os/index.js';
import { parseApkInstalled } from './parse.js';

/** Alpine installed packages (`lib/apk/db/installed`, root-relative); origin is the source package. */
export const apkInstalled = {
  id: 'apk-installed',
  version: 1,
  matches(path: string): boolean {
    return path === 'lib/apk/db/installed';
  },
  async analyze({ path, content, files }): Promise<AnalyzerOutput> {
    const parsed = parseApkInstalled(content);
    const errors: AnalyzerError[] = parsed.errors.map((e) => ({ path, line: e.line, message: e.message }));
    const distro = purlDistro(await detectOs(files));
    const packages = parsed.records.map((record): Package => {
      const origin = record.origin !== '' ? record.origin : record.name;
      return {
        name: record.name,
        version: record.version,
        ecosystem: 'Alpine',
        purl: formatPurl({
          type: 'apk',
          namespace: 'alpine',
          name: record.name,
          version: record.version,
          qualifiers: { arch: record.arch, distro, upstream: origin === record.name ? '' : origin },
        }),
        depGroups: [],
        // Every subpackage of an aport shares the aport's version, so the source version is the package's.
        source: { name: origin, version: record.version },
        locations: [{ path, line: record.line }],
        ...(record.arch !== '' || record.license !== '' ? { metadata: { ...(record.arch !== '' ? { architecture: record.arch } : {}), ...(record.license !== '' ? { license: record.license } : {}) } } : {}),
      };
    });
    return { packages, errors };
  },
} satisfies FileAnalyzer;
