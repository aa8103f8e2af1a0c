import type { Package } from '../inventory/index.js';
import { parsePurl } from '../inventory/index.js';
import type { OsInfo } from '../os/index.js';
import { distroName, distroVersion, familyOf } from './os-family.js';

/** What an SBOM says about its distribution: CycloneDX `operating-system` component, SPDX OPERATING-SYSTEM package. */
export interface OsFacts {
  /** os-release ID or the distribution's name as the writer spelt it. */
  id: string;
  version: string;
  /** Human name (`Debian GNU/Linux`), when the document has one. */
  description?: string;
  /** Bosun's own properties, when the document is ours. */
  family?: string;
  fullVersion?: string;
  codename?: string;
  source?: string;
  distroless?: boolean;
}

/**
 * The OS from its SBOM entry. `source` is meant to be a root-relative file; a document that does
 * not say which one gets the SBOM file itself, which is where the answer came from.
 */
export function osFromFacts(facts: OsFacts, file: string): OsInfo {
  const id = facts.id.toLowerCase();
  const family = familyOf(facts.family) ?? familyOf(id) ?? 'other';
  return {
    family,
    id,
    name: facts.description ?? facts.id,
    version: facts.fullVersion ?? facts.version,
    versionId: facts.version,
    ...(facts.codename !== undefined ? { codename: facts.codename } : {}),
    ...(facts.distroless === true ? { distroless: true as const } : {}),
    source: facts.source ?? file,
  };
}

/**
 * SBOMs without an OS entry (some SPDX writers) still carry the distribution in their OS packages'
 * purl `distro` qualifier (ref. purl-spec deb/apk/rpm); the first one that names a known family wins.
 */
export function osFromPackages(packages: readonly Package[], file: string): OsInfo | null {
  for (const pkg of packages) {
    const parts = parsePurl(pkg.purl);
    if (parts === undefined || !['deb', 'apk', 'rpm'].includes(parts.type)) continue;
    const distro = parts.qualifiers?.['distro'];
    const name = distroName(distro) ?? parts.namespace;
    if (familyOf(name) === undefined || name === undefined) continue;
    return osFromFacts({ id: name, version: distroVersion(distro) }, file);
  }
  return null;
}
