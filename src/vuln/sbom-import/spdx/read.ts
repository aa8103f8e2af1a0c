import type { ImageMeta } from '../../image/source.js';
import { parsePurl } from '../../inventory/index.js';
import type { AnalyzerError, Package } from '../../inventory/index.js';
import type { OsInfo } from '../../os/index.js';
import { checked, warningAt } from '../document.js';
import type { SbomDocument } from '../document.js';
import { osFromFacts, osFromPackages } from '../os.js';
import { placeComponent } from '../to-package.js';
import type { ImportedSbom, UnidentifiedComponent } from '../types.js';
import { SpdxDocument } from './schema.js';
import type { SpdxPackage } from './schema.js';
import { relationsOf } from './relations.js';

const KNOWN_VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);

/**
 * An SPDX 2.2 / 2.3 JSON document as an inventory: the described package is the subject, an
 * OPERATING-SYSTEM package the OS, targets of GENERATED_FROM are source packages (attached to the
 * packages built from them), and every other package is an inventory entry.
 */
export function readSpdx(doc: SbomDocument): ImportedSbom {
  const spdx = checked(SpdxDocument, doc, 'SPDX document');
  const errors: AnalyzerError[] = [];
  if (!KNOWN_VERSIONS.has(spdx.spdxVersion)) {
    errors.push(warningAt(doc, ['spdxVersion'], `${spdx.spdxVersion} is not SPDX 2.2 or 2.3; read as far as it matches`));
  }
  const all = spdx.packages ?? [];
  const byId = new Map(all.map((p) => [p.SPDXID, p]));
  const relations = relationsOf(spdx);
  const packages: Package[] = [];
  const unidentified: UnidentifiedComponent[] = [];
  let os: OsInfo | null = null;
  let image: ImageMeta | undefined;
  all.forEach((element, i) => {
    if (relations.described.has(element.SPDXID)) {
      if (element.primaryPackagePurpose === 'CONTAINER' || purlOf(element)?.startsWith('pkg:oci/') === true) image ??= imageOf(element);
      return;
    }
    if (element.primaryPackagePurpose === 'OPERATING-SYSTEM') {
      os ??= osFromFacts({ id: element.name, version: element.versionInfo ?? '', ...(element.description !== undefined ? { description: element.description } : {}) }, doc.file);
      return;
    }
    if (relations.sources.has(element.SPDXID)) return;
    const sourceId = relations.builtFrom.get(element.SPDXID);
    const source = sourceId !== undefined ? byId.get(sourceId) : undefined;
    const purl = purlOf(element);
    const placed = placeComponent({
      name: element.name,
      ...(element.versionInfo !== undefined ? { version: element.versionInfo } : {}),
      ...(purl !== undefined ? { purl } : {}),
      ...(source !== undefined ? { source: { name: source.name, version: source.versionInfo ?? '' } } : {}),
      depGroups: relations.groups.get(element.SPDXID) ?? [],
      locations: [],
    });
    if ('package' in placed) packages.push(placed.package);
    else {
      unidentified.push(placed.unidentified);
      errors.push(warningAt(doc, ['packages', i], `package ${element.name}${element.versionInfo !== undefined ? `@${element.versionInfo}` : ''} ${placed.problem}; kept as unidentified, not matched against advisories`));
    }
  });
  return {
    format: 'spdx',
    specVersion: spdx.spdxVersion,
    os: os ?? osFromPackages(packages, doc.file),
    packages,
    errors,
    unidentified,
    ...(image !== undefined ? { image } : {}),
  };
}

/**
 * ref. SPDX 2.3 Annex F: a purl is an external reference of type `purl` in the PACKAGE-MANAGER
 * category (spelt PACKAGE_MANAGER by some 2.2 writers, which the 2.3 schema also allows).
 */
function purlOf(element: SpdxPackage): string | undefined {
  return element.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
}

/** The described image: name and manifest digest (from versionInfo or the `oci` purl); SPDX keeps no layers. */
function imageOf(element: SpdxPackage): ImageMeta {
  const purl = parsePurl(purlOf(element) ?? '');
  const digest = element.versionInfo?.startsWith('sha256:') === true ? element.versionInfo : purl?.type === 'oci' ? purl.version : undefined;
  return { name: element.name, ...(digest !== undefined ? { manifestDigest: digest } : {}), config: { diffIds: [] }, layers: [] };
}
