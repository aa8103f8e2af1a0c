import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { detectOs, purlDistro } from '../../os/index.js';
import { parseDpkgStatus, parseSourceField } from './parse.js';

const STATUS = 'var/lib/dpkg/status';
const STATUS_D = 'var/lib/dpkg/status.d/';

/**
 * Debian and Ubuntu installed packages: `var/lib/dpkg/status`, and `var/lib/dpkg/status.d/<pkg>`
 * files (Google distroless writes one stanza file per package, with `<pkg>.md5sums` beside it).
 * Paths are root-relative. The distribution (Debian or Ubuntu, and the purl `distro`) comes from the
 * root's os-release, read through the FileReader.
 */
export const dpkgStatus = {
  id: 'dpkg-status',
  version: 1,
  matches(path: string): boolean {
    if (path === STATUS) return true;
    if (!path.startsWith(STATUS_D)) return false;
    const name = path.slice(STATUS_D.length);
    return name !== '' && !name.includes('/') && !name.startsWith('.') && !name.endsWith('.md5sums') && !name.endsWith('.list');
  },
  async analyze({ path, content, files }): Promise<AnalyzerOutput> {
    const parsed = parseDpkgStatus(content);
    const errors: AnalyzerError[] = parsed.errors.map((e) => ({ path, line: e.line, message: `malformed dpkg status: ${e.message}` }));
    const os = await detectOs(files);
    const ubuntu = os?.family === 'ubuntu';
    const distro = purlDistro(os);
    const packages: Package[] = [];
    for (const stanza of parsed.stanzas) {
      const name = stanza.fields.get('package');
      const version = stanza.fields.get('version');
      if (name === undefined || name === '') {
        errors.push({ path, line: stanza.line, message: 'dpkg status entry without a Package field' });
        continue;
      }
      if (!installed(stanza.fields.get('status'), path !== STATUS)) continue;
      if (version === undefined || version === '') {
        errors.push({ path, line: stanza.line, message: `dpkg package ${name} has no Version` });
        continue;
      }
      const arch = stanza.fields.get('architecture') ?? '';
      const source = parseSourceField(stanza.fields.get('source') ?? name);
      const sourceVersion = source.version ?? version;
      const upstream = source.name === name ? '' : sourceVersion === version ? source.name : `${source.name}@${sourceVersion}`;
      packages.push({
        name,
        version,
        ecosystem: ubuntu ? 'Ubuntu' : 'Debian',
        purl: formatPurl({ type: 'deb', namespace: ubuntu ? 'ubuntu' : 'debian', name, version, qualifiers: { arch, distro, upstream } }),
        depGroups: [],
        source: { name: source.name, version: sourceVersion },
        locations: [{ path, line: stanza.line }],
        ...(arch !== '' ? { metadata: { architecture: arch } } : {}),
      });
    }
    return { packages, errors };
  },
} satisfies FileAnalyzer;

/**
 * ref. dpkg-query(1) "Status": want, error flag, state. Only a configured package is fully on disk;
 * `hold` ones are installed too. status.d entries are often the bare control file
 * (`dpkg-deb --field pkg.deb > status.d/pkg`, as distroless-style builds do), which has no Status:
 * being there means installed.
 */
function installed(status: string | undefined, statusD: boolean): boolean {
  if (status === undefined) return statusD;
  const [want, flag, state, ...rest] = status.split(/\s+/);
  return rest.length === 0 && state === 'installed' && flag === 'ok' && (want === 'install' || want === 'hold');
}
