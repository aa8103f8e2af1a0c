import type { Ecosystem, PurlParts } from '../inventory/index.js';
import { parsePurl } from '../inventory/index.js';
import { osEcosystem } from '../os/index.js';
import type { OsFamily } from '../os/index.js';
import { distroName, familyOf } from './os-family.js';

/** What a purl says about a package, in inventory terms. */
export interface PurlIdentity {
  ecosystem: Ecosystem;
  /** The name as OSV advisories spell it (npm `@scope/name`, Maven `group:artifact`, Go module path). */
  name: string;
  /** The version as the inventory records it (rpm: with the epoch, `1:2.3-4`). */
  version: string;
  /** Source package of an OS package, from the `upstream` qualifier or the package itself. */
  source?: { name: string; version: string };
  parts: PurlParts;
}

/** Language ecosystems by purl type. ref. purl-spec PURL-TYPES (npm, pypi, golang, cargo, composer, gem, maven, nuget). */
const LANGUAGE_ECOSYSTEM: Readonly<Record<string, Ecosystem>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  composer: 'Packagist',
  gem: 'RubyGems',
  maven: 'Maven',
  nuget: 'NuGet',
};

/** Reads a purl into an identity, or says why it cannot. */
export function identifyPurl(purl: string): PurlIdentity | { problem: string } {
  const parts = parsePurl(purl);
  if (parts === undefined) return { problem: 'not a valid purl' };
  const ecosystem = ecosystemOf(parts);
  if (ecosystem === undefined) return { problem: `no advisory ecosystem for purl type ${parts.type}${parts.namespace !== undefined ? `/${parts.namespace}` : ''}` };
  const source = sourceOf(parts);
  return { ecosystem, name: nameOf(parts), version: versionOf(parts), ...(source !== undefined ? { source } : {}), parts };
}

function ecosystemOf(parts: PurlParts): Ecosystem | undefined {
  const language = LANGUAGE_ECOSYSTEM[parts.type];
  if (language !== undefined) return language;
  // The namespace names the distribution; the distro qualifier stands in when it is missing.
  const family = familyOf(parts.namespace) ?? familyOf(distroName(parts.qualifiers?.['distro']));
  switch (parts.type) {
    case 'deb':
      return family === 'debian' || family === 'ubuntu' ? familyEcosystem(family) : undefined;
    case 'apk':
      return family === 'alpine' ? 'Alpine' : undefined;
    case 'rpm':
      // Like the rpm analyzer: an rpm distribution without an OSV ecosystem of its own (Oracle
      // Linux, an unknown one) is matched against Red Hat's advisories.
      return familyEcosystem(family) ?? 'Red Hat';
    default:
      return undefined;
  }
}

/** The OS module owns the family → ecosystem table; it takes an OsInfo, of which only the family matters. */
function familyEcosystem(family: OsFamily | undefined): Ecosystem | undefined {
  return family === undefined ? undefined : osEcosystem({ family, id: family, name: family, version: '', versionId: '', source: '' });
}

function nameOf(parts: PurlParts): string {
  const namespace = parts.namespace;
  if (namespace === undefined) return parts.name;
  switch (parts.type) {
    case 'maven':
      return `${namespace}:${parts.name}`;
    case 'npm':
    case 'golang':
    case 'composer':
      return `${namespace}/${parts.name}`;
    default:
      return parts.name;
  }
}

/** ref. purl-spec rpm: the epoch is a qualifier, and the inventory writes it as rpm does, `epoch:version-release`. */
function versionOf(parts: PurlParts): string {
  const version = parts.version ?? '';
  const epoch = parts.qualifiers?.['epoch'];
  return parts.type === 'rpm' && epoch !== undefined && epoch !== '' && !version.includes(':') ? `${epoch}:${version}` : version;
}

/**
 * OS packages always have a source package (the analyzers record the package itself when the
 * database names none). ref. purl-spec deb/apk/rpm `upstream` qualifier: `name` or `name@version`
 * for deb, the origin for apk, the source rpm file name for rpm.
 */
function sourceOf(parts: PurlParts): { name: string; version: string } | undefined {
  if (parts.type !== 'deb' && parts.type !== 'apk' && parts.type !== 'rpm') return undefined;
  const version = versionOf(parts);
  const upstream = parts.qualifiers?.['upstream'];
  if (upstream === undefined || upstream === '') return { name: parts.name, version };
  if (parts.type === 'rpm') return sourceRpm(upstream, parts.qualifiers?.['epoch']) ?? { name: parts.name, version };
  const at = upstream.indexOf('@');
  return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version };
}

/** `bash-5.1.8-6.el9.src.rpm` → bash, `5.1.8-6.el9` (the binary's epoch, which rpm gives both). */
function sourceRpm(file: string, epoch: string | undefined): { name: string; version: string } | undefined {
  const match = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
  if (match === null) return undefined;
  const [, name = '', version = '', release = ''] = match;
  const prefix = epoch !== undefined && epoch !== '' ? `${epoch}:` : '';
  return { name, version: `${prefix}${version}-${release}` };
}
