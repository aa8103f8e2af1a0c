import type { OsInfo, Package } from '../../../vuln/index.js';
import { BOSUN_PROPERTY } from '../../../vuln/index.js';
import type { CdxComponent, CdxOccurrence, CdxProperty } from './model.js';
import { scopeOf } from './scope.js';

/** One package as a `library` component; Bosun facts without a CycloneDX field become `bosun:` properties. */
export function packageComponent(pkg: Package, ref: string): CdxComponent {
  const properties: CdxProperty[] = [{ name: BOSUN_PROPERTY.ecosystem, value: pkg.ecosystem }];
  if (pkg.source !== undefined) {
    properties.push({ name: BOSUN_PROPERTY.sourceName, value: pkg.source.name }, { name: BOSUN_PROPERTY.sourceVersion, value: pkg.source.version });
  }
  for (const group of pkg.depGroups) properties.push({ name: BOSUN_PROPERTY.depGroup, value: group });
  if (pkg.commit !== undefined) properties.push({ name: BOSUN_PROPERTY.commit, value: pkg.commit });
  // Layers pair with occurrences by position (see BOSUN_PROPERTY.layer).
  if (pkg.locations.some((l) => l.layer !== undefined)) {
    for (const location of pkg.locations) properties.push({ name: BOSUN_PROPERTY.layer, value: location.layer ?? '' });
  }
  // ref. CycloneDX 1.6 component.evidence.occurrences: where the component was found, with the line (new in 1.6).
  const occurrences = pkg.locations.map((l): CdxOccurrence => ({ location: l.path, ...(l.line !== undefined ? { line: l.line } : {}) }));
  const scope = scopeOf(pkg.depGroups);
  return {
    type: 'library',
    'bom-ref': ref,
    name: pkg.name,
    ...(pkg.version !== '' ? { version: pkg.version } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(pkg.purl !== '' ? { purl: pkg.purl } : {}),
    properties,
    ...(occurrences.length > 0 ? { evidence: { occurrences } } : {}),
  };
}

/**
 * The distribution as an `operating-system` component, named by its os-release ID and versioned by
 * VERSION_ID (the pair vulnerability databases key on); the rest of OsInfo goes in properties.
 */
export function osComponent(os: OsInfo, ref: string): CdxComponent {
  const properties: CdxProperty[] = [
    { name: BOSUN_PROPERTY.osFamily, value: os.family },
    { name: BOSUN_PROPERTY.osVersion, value: os.version },
    { name: BOSUN_PROPERTY.osSource, value: os.source },
  ];
  if (os.codename !== undefined) properties.push({ name: BOSUN_PROPERTY.osCodename, value: os.codename });
  if (os.distroless === true) properties.push({ name: BOSUN_PROPERTY.osDistroless, value: 'true' });
  return {
    type: 'operating-system',
    'bom-ref': ref,
    name: os.id,
    ...(os.versionId !== '' ? { version: os.versionId } : {}),
    description: os.name,
    properties,
  };
}
