import type { PackageLocation } from '../../inventory/index.js';
import type { PomFile } from './lineage.js';
import type { RawDependency } from './model.js';

export interface ResolvedDependency {
  groupId: string;
  artifactId: string;
  /** '' when neither the POM, its management nor its properties say (a scan does not fetch). */
  version: string;
  type: string;
  classifier: string;
  scope: string;
  locations: PackageLocation[];
}

/**
 * The direct dependencies of the effective POM, the way Maven's model builder makes it offline:
 * inheritance from local parents (child first), profile injection (done when reading), property
 * interpolation, then dependency management for missing versions and scopes.
 * ref. https://maven.apache.org/ref/3.9.9/maven-model-builder/
 */
export function resolveDependencies(lineage: PomFile[]): ResolvedDependency[] {
  const [own] = lineage;
  if (own === undefined) return [];
  const properties = effectiveProperties(lineage);
  const expand = (value: string): string => interpolate(value, properties);

  const managed = new Map<string, RawDependency>();
  for (const { pom } of lineage) {
    for (const dependency of pom.managed) {
      const key = managementKey(dependency, expand);
      if (!managed.has(key)) managed.set(key, dependency); // child before parent: the child wins
    }
  }

  // A dependency key declared twice keeps its first declaration; the child's shadows a parent's.
  const byKey = new Map<string, ResolvedDependency>();
  lineage.forEach(({ path, pom }, depth) => {
    for (const dependency of pom.dependencies) {
      const key = managementKey(dependency, expand);
      if (byKey.has(key)) continue;
      const management = managed.get(key);
      const version = expand(dependency.version !== '' ? dependency.version : (management?.version ?? ''));
      const locations: PackageLocation[] =
        depth === 0 ? [{ path, line: dependency.line }] : [{ path: own.path, line: own.pom.parent?.line ?? 1 }, { path, line: dependency.line }];
      byKey.set(key, {
        groupId: expand(dependency.groupId),
        artifactId: expand(dependency.artifactId),
        version: version.includes('${') ? '' : lowestVersion(version),
        type: expand(dependency.type),
        classifier: expand(dependency.classifier),
        scope: expand(dependency.scope !== '' ? dependency.scope : (management?.scope ?? '')),
        locations,
      });
    }
  });
  return [...byKey.values()];
}

/** ref. Maven `Dependency.getManagementKey()`: groupId:artifactId:type[:classifier], type defaulting to jar. */
function managementKey(dependency: RawDependency, expand: (value: string) => string): string {
  const type = expand(dependency.type) || 'jar';
  return `${expand(dependency.groupId)}:${expand(dependency.artifactId)}:${type}:${expand(dependency.classifier)}`;
}

/**
 * Properties visible to interpolation: inherited `<properties>` (child wins) and the `project.*`
 * model values a POM most often refers to (ref. Maven "POM reference", Properties).
 */
function effectiveProperties(lineage: PomFile[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const { pom } of [...lineage].reverse()) for (const [key, value] of pom.properties) properties.set(key, value);
  const own = lineage[0]?.pom;
  if (own === undefined) return properties;
  const model: Record<string, string> = {
    groupId: own.groupId !== '' ? own.groupId : (own.parent?.groupId ?? ''),
    artifactId: own.artifactId,
    version: own.version !== '' ? own.version : (own.parent?.version ?? ''),
    'parent.groupId': own.parent?.groupId ?? '',
    'parent.artifactId': own.parent?.artifactId ?? '',
    'parent.version': own.parent?.version ?? '',
  };
  for (const [key, value] of Object.entries(model)) {
    if (value === '') continue;
    properties.set(`project.${key}`, value);
    properties.set(`pom.${key}`, value); // the Maven 2 spelling, still accepted
  }
  return properties;
}

/** Replaces `${name}` references, nested ones too; unknown references stay as written. */
export function interpolate(value: string, properties: ReadonlyMap<string, string>): string {
  let current = value;
  for (let round = 0; round < 10 && current.includes('${'); round++) {
    const next = current.replace(/\$\{([^${}]+)\}/g, (whole, name: string) => properties.get(name) ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * A version range (ref. Maven "Dependency Version Requirement Specification"): `[1.0,2.0)`
 * reports its lower bound, the oldest version it admits; `(,1.0]` has none and gives ''.
 * A plain (soft) version stays as it is.
 */
function lowestVersion(version: string): string {
  if (!version.startsWith('[') && !version.startsWith('(')) return version;
  return /^[[(]\s*([^,\])]*)/.exec(version)?.[1]?.trim() ?? '';
}
