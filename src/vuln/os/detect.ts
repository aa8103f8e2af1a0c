import type { Ecosystem, FileReader } from '../inventory/index.js';
import { parseOsRelease } from './os-release.js';
import type { OsFamily, OsInfo } from './types.js';

/** os-release `ID` → family; `ID_LIKE` is only consulted for IDs not listed here. */
const FAMILY_BY_ID: Readonly<Record<string, OsFamily>> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  alpine: 'alpine',
  rhel: 'redhat',
  centos: 'centos',
  rocky: 'rocky',
  almalinux: 'almalinux',
  fedora: 'fedora',
  amzn: 'amazon',
  ol: 'oracle',
};

/**
 * Every file detectOs may read, so sources that stream once (image layers) know to keep them.
 * ref. os-release(5), and the per-distribution fallbacks below.
 */
export const OS_IDENTIFICATION_FILES: readonly string[] = ['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/redhat-release', 'etc/debian_version'];

/**
 * What distribution a root filesystem is. ref. os-release(5): `etc/os-release` takes precedence
 * over `usr/lib/os-release`; the older per-distribution files are fallbacks for images without either.
 */
export async function detectOs(files: FileReader): Promise<OsInfo | undefined> {
  for (const path of ['etc/os-release', 'usr/lib/os-release']) {
    const text = await files.readText(path);
    if (text === undefined) continue;
    const fromRelease = osFromRelease(text, path);
    if (fromRelease !== undefined) return await withDebianVersion(fromRelease, files);
  }
  const alpine = await files.readText('etc/alpine-release');
  if (alpine !== undefined && alpine.trim() !== '') {
    const version = alpine.trim();
    return { family: 'alpine', id: 'alpine', name: 'Alpine Linux', version, versionId: version, source: 'etc/alpine-release' };
  }
  const redhat = await files.readText('etc/redhat-release');
  if (redhat !== undefined) {
    const fromRedhat = osFromRedhatRelease(redhat);
    if (fromRedhat !== undefined) return fromRedhat;
  }
  const debian = await files.readText('etc/debian_version');
  if (debian !== undefined && debian.trim() !== '') return osFromDebianVersion(debian.trim());
  return undefined;
}

/** An os-release file, or undefined when it names no distribution. */
export function osFromRelease(text: string, source: string): OsInfo | undefined {
  const fields = parseOsRelease(text);
  const id = (fields.get('ID') ?? '').toLowerCase();
  if (id === '') return undefined;
  const like = (fields.get('ID_LIKE') ?? '').toLowerCase().split(/\s+/);
  const family = FAMILY_BY_ID[id] ?? familyLike(like);
  const codename = fields.get('VERSION_CODENAME') ?? fields.get('UBUNTU_CODENAME');
  // Distroless keeps Debian's ID but says so in PRETTY_NAME and HOME_URL.
  const distroless = /distroless/i.test(fields.get('PRETTY_NAME') ?? '') || /distroless/i.test(fields.get('HOME_URL') ?? '');
  return {
    family,
    id,
    name: fields.get('NAME') ?? id,
    version: fields.get('VERSION') ?? fields.get('VERSION_ID') ?? '',
    versionId: fields.get('VERSION_ID') ?? '',
    ...(codename !== undefined && codename !== '' ? { codename } : {}),
    ...(distroless ? { distroless: true as const } : {}),
    source,
  };
}

function familyLike(like: string[]): OsFamily {
  for (const id of like) {
    const family = FAMILY_BY_ID[id];
    if (family !== undefined) return family;
  }
  return 'other';
}

/** Debian testing/sid have no VERSION_ID; etc/debian_version gives the point release or `trixie/sid`. */
async function withDebianVersion(os: OsInfo, files: FileReader): Promise<OsInfo> {
  if (os.family !== 'debian' || os.versionId !== '') return os;
  const debian = await files.readText('etc/debian_version');
  if (debian === undefined || debian.trim() === '') return os;
  const fallback = osFromDebianVersion(debian.trim());
  return { ...os, version: os.version !== '' ? os.version : fallback.version, versionId: fallback.versionId, ...(os.codename === undefined && fallback.codename !== undefined ? { codename: fallback.codename } : {}) };
}

/** `12.5` → versionId 12; `trixie/sid` → codename trixie, no versionId. */
export function osFromDebianVersion(text: string): OsInfo {
  const major = /^(\d+)(?:\.\d+)*$/.exec(text)?.[1];
  const codename = major === undefined ? text.split('/')[0] : undefined;
  return {
    family: 'debian',
    id: 'debian',
    name: 'Debian GNU/Linux',
    version: text,
    versionId: major ?? '',
    ...(codename !== undefined && codename !== '' ? { codename } : {}),
    source: 'etc/debian_version',
  };
}

/** `Red Hat Enterprise Linux release 8.9 (Ootpa)`, `CentOS Linux release 7.9.2009 (Core)`, `Rocky Linux release 9.3 (Blue Onyx)`. */
export function osFromRedhatRelease(text: string): OsInfo | undefined {
  const match = /^(.+?)\s+release\s+(\S+)(?:\s+\(([^)]*)\))?/.exec(text.trim());
  if (match === null) return undefined;
  const name = match[1] ?? '';
  const version = match[2] ?? '';
  const codename = match[3];
  const lower = name.toLowerCase();
  const [family, id]: [OsFamily, string] = lower.startsWith('centos')
    ? ['centos', 'centos']
    : lower.startsWith('rocky')
      ? ['rocky', 'rocky']
      : lower.startsWith('almalinux')
        ? ['almalinux', 'almalinux']
        : lower.startsWith('fedora')
          ? ['fedora', 'fedora']
          : lower.startsWith('red hat')
            ? ['redhat', 'rhel']
            : ['other', lower.split(/\s+/)[0] ?? 'unknown'];
  return { family, id, name, version, versionId: version, ...(codename !== undefined && codename !== '' ? { codename } : {}), source: 'etc/redhat-release' };
}

/** OSV ecosystem of a distribution's packages, when advisories exist for it. */
export function osEcosystem(os: OsInfo | undefined): Ecosystem | undefined {
  switch (os?.family) {
    case 'debian':
      return 'Debian';
    case 'ubuntu':
      return 'Ubuntu';
    case 'alpine':
      return 'Alpine';
    case 'redhat':
      return 'Red Hat';
    case 'centos':
      return 'CentOS';
    case 'rocky':
      return 'Rocky Linux';
    case 'almalinux':
      return 'AlmaLinux';
    case 'fedora':
      return 'Fedora';
    case 'amazon':
      return 'Amazon Linux';
    default:
      return undefined;
  }
}

/** purl `distro` qualifier, e.g. `debian-12`, `ubuntu-22.04`, `alpine-3.19.1`; '' when the version is unknown. */
export function purlDistro(os: OsInfo | undefined): string {
  if (os === undefined) return '';
  const version = os.versionId !== '' ? os.versionId : (os.codename ?? '');
  return version === '' ? '' : `${os.family === 'other' ? os.id : os.family}-${version}`;
}
