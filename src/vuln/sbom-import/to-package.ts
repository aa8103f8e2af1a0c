import type { Ecosystem, Package, PackageLocation } from '../inventory/index.js';
import { identifyPurl } from './identify.js';
import type { UnidentifiedComponent } from './types.js';

/** What either format says about one package, before it becomes an inventory entry. */
export interface ComponentFacts {
  name: string;
  /** CycloneDX `group` (Maven groupId, npm scope) when the writer split the name. */
  group?: string;
  version?: string;
  purl?: string;
  /** An ecosystem the document states (Bosun's own property); wins over the purl's when valid. */
  ecosystem?: string;
  source?: { name: string; version: string };
  depGroups: string[];
  commit?: string;
  locations: PackageLocation[];
}

const ECOSYSTEMS: ReadonlySet<string> = new Set<Ecosystem>([
  'npm', 'PyPI', 'Go', 'crates.io', 'Packagist', 'RubyGems', 'Maven', 'NuGet', 'Debian', 'Ubuntu', 'Alpine', 'Red Hat', 'Rocky Linux', 'AlmaLinux', 'Amazon Linux', 'CentOS', 'Fedora',
]);

function isEcosystem(value: string | undefined): value is Ecosystem {
  return value !== undefined && ECOSYSTEMS.has(value);
}

export type Placed = { package: Package } | { unidentified: UnidentifiedComponent; problem: string };

/**
 * The purl decides the ecosystem (advisories key on it). The name is the document's when it is the
 * purl's name spelled differently (PyPI `Django` for `django`, a Maven group split into `group`),
 * otherwise the purl's, so a tool that names components loosely still matches advisories.
 */
export function placeComponent(facts: ComponentFacts): Placed {
  const version = facts.version ?? '';
  if (facts.purl === undefined || facts.purl === '') {
    return { unidentified: { name: facts.name, version }, problem: 'has no purl' };
  }
  const identity = identifyPurl(facts.purl);
  if ('problem' in identity) {
    return { unidentified: { name: facts.name, version, purl: facts.purl }, problem: identity.problem };
  }
  const ecosystem = isEcosystem(facts.ecosystem) ? facts.ecosystem : identity.ecosystem;
  const documentName = facts.group !== undefined && facts.group !== '' ? `${facts.group}${identity.parts.type === 'maven' ? ':' : '/'}${facts.name}` : facts.name;
  const name = loose(documentName) === loose(identity.name) ? documentName : identity.name;
  const source = facts.source ?? identity.source;
  return {
    package: {
      name,
      version: version !== '' ? withEpoch(version, identity.version) : identity.version,
      ecosystem,
      purl: facts.purl,
      depGroups: facts.depGroups,
      ...(facts.commit !== undefined ? { commit: facts.commit } : {}),
      ...(source !== undefined ? { source } : {}),
      locations: facts.locations,
    },
  };
}

/** ref. PEP 503 normalisation, which also covers case-only differences elsewhere. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** An rpm version written without its epoch (`2.3-4`) takes the purl's (`1:2.3-4`). */
function withEpoch(documentVersion: string, purlVersion: string): string {
  const colon = purlVersion.indexOf(':');
  if (colon < 0 || documentVersion.includes(':')) return documentVersion;
  return purlVersion.slice(colon + 1) === documentVersion ? purlVersion : documentVersion;
}
