import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, FileReader, Package } from '../../inventory/index.js';
import { detectOs, osEcosystem, purlDistro } from '../../os/index.js';
import type { OsInfo } from '../../os/index.js';
import { parseRpmHeader, parseSourceRpm } from './header.js';
import type { RpmHeaderPackage } from './header.js';
import { readRpmSqlite } from './sqlite.js';

/** rpm database folders: /var/lib/rpm, and /usr/lib/sysimage/rpm (Fedora 36+, openSUSE). */
const DIRS = ['var/lib/rpm/', 'usr/lib/sysimage/rpm/'];

/** Formats rpm has used for its database other than SQLite, by file name. */
const UNSUPPORTED: Readonly<Record<string, string>> = { Packages: 'Berkeley DB', 'Packages.db': 'ndb' };

/**
 * RHEL-family installed packages from the rpm SQLite database (RHEL 9, Fedora 33+, Amazon Linux 2023,
 * Rocky/Alma 9). Berkeley DB (RHEL ≤ 8, Amazon Linux 2) and ndb (SUSE) databases are reported as
 * unsupported rather than silently giving an empty list.
 */
export const rpmSqlite = {
  id: 'rpm-sqlite',
  version: 1,
  matches(path: string): boolean {
    const dir = DIRS.find((d) => path.startsWith(d));
    if (dir === undefined) return false;
    const name = path.slice(dir.length);
    return name === 'rpmdb.sqlite' || UNSUPPORTED[name] !== undefined;
  },
  async analyze({ path, files }): Promise<AnalyzerOutput> {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const format = UNSUPPORTED[base];
    if (format !== undefined) {
      return { packages: [], errors: [{ path, message: `rpm database format ${format} is not supported yet; the packages it lists are not in the inventory` }] };
    }
    if (files.readBytes === undefined) {
      return { packages: [], errors: [{ path, message: 'reading the rpm SQLite database needs binary file access, which this file source does not offer yet' }] };
    }
    const bytes = await files.readBytes(path);
    if (bytes === undefined) return { packages: [], errors: [{ path, message: 'rpm database could not be read' }] };
    const read = await readRpmSqlite(bytes);
    if (!read.ok) return { packages: [], errors: [{ path, message: read.message }] };
    const os = await detectOs(files);
    const packages: Package[] = [];
    const errors: AnalyzerError[] = [];
    for (const { hnum, blob } of read.blobs) {
      const header = parseRpmHeader(blob);
      if (!header.ok) {
        errors.push({ path, message: `rpm database entry ${hnum}: ${header.message}` });
        continue;
      }
      // Imported signing keys are recorded as pseudo-packages; they are not software.
      if (header.pkg.name === 'gpg-pubkey') continue;
      packages.push(toPackage(header.pkg, path, os));
    }
    return { packages, errors };
  },
} satisfies FileAnalyzer;

/** rpm version strings: `[epoch:]version-release`, as rpm -q --qf '%{EPOCHNUM}:%{VERSION}-%{RELEASE}' shows them. */
function evr(epoch: number | undefined, version: string, release: string): string {
  return `${epoch !== undefined ? `${epoch}:` : ''}${version}${release !== '' ? `-${release}` : ''}`;
}

function toPackage(pkg: RpmHeaderPackage, path: string, os: OsInfo | undefined): Package {
  const source = parseSourceRpm(pkg.sourceRpm);
  const namespace = os === undefined ? 'redhat' : os.family === 'other' ? os.id : os.family;
  return {
    name: pkg.name,
    version: evr(pkg.epoch, pkg.version, pkg.release),
    ecosystem: osEcosystem(os) ?? 'Red Hat',
    // ref. purl-spec rpm type: version is version-release, epoch is a qualifier.
    purl: formatPurl({
      type: 'rpm',
      namespace,
      name: pkg.name,
      version: evr(undefined, pkg.version, pkg.release),
      qualifiers: { arch: pkg.arch, epoch: pkg.epoch !== undefined ? String(pkg.epoch) : '', distro: purlDistro(os), upstream: pkg.sourceRpm },
    }),
    depGroups: [],
    // The source rpm carries no epoch of its own in the header; rpm builds both from one spec, so it is the binary's.
    source: source !== undefined ? { name: source.name, version: evr(pkg.epoch, source.version, source.release) } : { name: pkg.name, version: evr(pkg.epoch, pkg.version, pkg.release) },
    locations: [{ path }],
    metadata: { architecture: pkg.arch, ...(pkg.license !== '' ? { license: pkg.license } : {}), ...(pkg.sourceRpm !== '' ? { sourceRpm: pkg.sourceRpm } : {}) },
  };
}
