import type { PathSegment } from '../../../kernel/index.js';
import type { AnalyzerError, Package, PackageLocation } from '../../inventory/index.js';
import type { OsInfo } from '../../os/index.js';
import { checked, warningAt } from '../document.js';
import type { SbomDocument } from '../document.js';
import { osFromFacts, osFromPackages } from '../os.js';
import { BOSUN_PROPERTY } from '../properties.js';
import { placeComponent } from '../to-package.js';
import type { ComponentFacts } from '../to-package.js';
import type { ImportedSbom, UnidentifiedComponent } from '../types.js';
import { imageOf } from './image.js';
import { all, first } from './properties.js';
import { CdxBom } from './schema.js';
import type { CdxComponent } from './schema.js';

/** Versions whose JSON shape this reader follows (ref. CycloneDX 1.4–1.6 JSON schemas; 1.7 only adds). */
const KNOWN_VERSIONS = new Set(['1.4', '1.5', '1.6', '1.7']);

/**
 * A CycloneDX BOM (JSON, or XML already turned into the JSON shape) as an inventory. Every
 * component, nested ones included, becomes a package, except the OS (which becomes `os`) and `file`
 * components (files a tool hashed, not packages); metadata.component is the subject.
 */
export function readCycloneDx(doc: SbomDocument): ImportedSbom {
  const bom = checked(CdxBom, doc, 'CycloneDX BOM');
  const errors: AnalyzerError[] = [];
  if (!KNOWN_VERSIONS.has(bom.specVersion)) {
    errors.push(warningAt(doc, ['specVersion'], `CycloneDX ${bom.specVersion} is outside the versions Bosun reads (1.4 to 1.7); read as far as it matches`));
  }
  const packages: Package[] = [];
  const unidentified: UnidentifiedComponent[] = [];
  let os: OsInfo | null = null;
  const visit = (components: readonly CdxComponent[], at: readonly PathSegment[]): void => {
    components.forEach((component, i) => {
      const path = [...at, i];
      if (component.type === 'operating-system') {
        os ??= osFromComponent(component, doc.file);
      } else if (component.type !== 'file') {
        const placed = placeComponent(factsOf(component));
        if ('package' in placed) packages.push(placed.package);
        else {
          unidentified.push(placed.unidentified);
          errors.push(warningAt(doc, path, `component ${component.name}${component.version !== undefined ? `@${component.version}` : ''} ${placed.problem}; kept as unidentified, not matched against advisories`));
        }
      }
      if (component.components !== undefined) visit(component.components, [...path, 'components']);
    });
  };
  visit(bom.components ?? [], ['components']);
  const subject = bom.metadata?.component;
  const image = subject?.type === 'container' ? imageOf(subject) : undefined;
  return {
    format: 'cyclonedx',
    specVersion: bom.specVersion,
    os: os ?? osFromPackages(packages, doc.file),
    packages,
    errors,
    unidentified,
    ...(image !== undefined ? { image } : {}),
  };
}

function factsOf(component: CdxComponent): ComponentFacts {
  const ecosystem = first(component, BOSUN_PROPERTY.ecosystem);
  const ours = ecosystem !== undefined;
  const sourceName = first(component, BOSUN_PROPERTY.sourceName);
  const sourceVersion = first(component, BOSUN_PROPERTY.sourceVersion);
  const commit = first(component, BOSUN_PROPERTY.commit);
  return {
    name: component.name,
    ...(component.group !== undefined ? { group: component.group } : {}),
    ...(component.version !== undefined ? { version: component.version } : {}),
    ...(component.purl !== undefined ? { purl: component.purl } : {}),
    ...(ecosystem !== undefined ? { ecosystem } : {}),
    ...(sourceName !== undefined ? { source: { name: sourceName, version: sourceVersion ?? component.version ?? '' } } : {}),
    ...(commit !== undefined ? { commit } : {}),
    depGroups: ours ? all(component, BOSUN_PROPERTY.depGroup) : groupsOfScope(component.scope),
    locations: locationsOf(component),
  };
}

/** Another tool's scope, read the way Bosun writes it (see report/sbom/cyclonedx/scope.ts). */
function groupsOfScope(scope: string | undefined): string[] {
  if (scope === 'optional') return ['optional'];
  if (scope === 'excluded') return ['dev'];
  return [];
}

function locationsOf(component: CdxComponent): PackageLocation[] {
  const layers = all(component, BOSUN_PROPERTY.layer);
  const occurrences = component.evidence?.occurrences ?? [];
  return occurrences.map((o, i): PackageLocation => {
    const layer = layers.length === occurrences.length ? layers[i] : undefined;
    return { path: o.location, ...(o.line !== undefined ? { line: o.line } : {}), ...(layer !== undefined && layer !== '' ? { layer } : {}) };
  });
}

function osFromComponent(component: CdxComponent, file: string): OsInfo {
  const fullVersion = first(component, BOSUN_PROPERTY.osVersion);
  const family = first(component, BOSUN_PROPERTY.osFamily);
  const codename = first(component, BOSUN_PROPERTY.osCodename);
  const source = first(component, BOSUN_PROPERTY.osSource);
  return osFromFacts(
    {
      id: component.name,
      version: component.version ?? '',
      ...(component.description !== undefined ? { description: component.description } : {}),
      ...(family !== undefined ? { family } : {}),
      ...(fullVersion !== undefined ? { fullVersion } : {}),
      ...(codename !== undefined ? { codename } : {}),
      ...(source !== undefined ? { source } : {}),
      distroless: first(component, BOSUN_PROPERTY.osDistroless) === 'true',
    },
    file,
  );
}
