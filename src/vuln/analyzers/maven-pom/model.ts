import { child, childText, children } from './xml.js';
import type { XmlElement } from './xml.js';

/**
 * The parts of a POM that decide which artifacts a project depends on, as written (before
 * inheritance and interpolation). ref. https://maven.apache.org/ref/3.9.9/maven-model/maven.html
 */
export interface RawDependency {
  groupId: string;
  artifactId: string;
  version: string;
  /** '' when absent: the default (`jar` type, `compile` scope) or a managed value applies. */
  type: string;
  classifier: string;
  scope: string;
  line: number;
}

export interface RawParent {
  groupId: string;
  artifactId: string;
  version: string;
  /** undefined: the default `../pom.xml`; '': explicitly no local lookup. */
  relativePath?: string;
  line: number;
}

export interface RawPom {
  groupId: string;
  artifactId: string;
  version: string;
  parent?: RawParent;
  properties: Map<string, string>;
  dependencies: RawDependency[];
  managed: RawDependency[];
}

export function readPom(project: XmlElement): RawPom {
  const pom: RawPom = {
    groupId: childText(project, 'groupId') ?? '',
    artifactId: childText(project, 'artifactId') ?? '',
    version: childText(project, 'version') ?? '',
    properties: readProperties(child(project, 'properties')),
    dependencies: readDependencies(child(project, 'dependencies')),
    managed: readManaged(project),
  };
  const parent = child(project, 'parent');
  if (parent !== undefined) {
    const relativePath = childText(parent, 'relativePath');
    pom.parent = {
      groupId: childText(parent, 'groupId') ?? '',
      artifactId: childText(parent, 'artifactId') ?? '',
      version: childText(parent, 'version') ?? '',
      ...(relativePath !== undefined ? { relativePath } : {}),
      line: parent.line,
    };
  }
  for (const profile of activeProfiles(project)) {
    // Profile injection: an active profile's settings are merged into its POM before inheritance,
    // the profile winning (ref. Maven "Introduction to build profiles").
    for (const [key, value] of readProperties(child(profile, 'properties'))) pom.properties.set(key, value);
    pom.dependencies.push(...readDependencies(child(profile, 'dependencies')));
    pom.managed.push(...readManaged(profile));
  }
  return pom;
}

/**
 * Offline, only `activeByDefault` can be decided: JDK, OS, property and file activation depend on
 * the build machine. Maven turns `activeByDefault` profiles off when another profile of the POM is
 * activated; with no other activation known, they are on.
 */
function activeProfiles(project: XmlElement): XmlElement[] {
  return children(child(project, 'profiles'), 'profile').filter((profile) => {
    const activation = child(profile, 'activation');
    return activation !== undefined && childText(activation, 'activeByDefault') === 'true';
  });
}

function readProperties(element: XmlElement | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  for (const property of element?.children ?? []) properties.set(property.name, property.text);
  return properties;
}

/** `<dependencies>` of a project or profile (not of a plugin: those are build tools, not the product's). */
function readDependencies(element: XmlElement | undefined): RawDependency[] {
  return children(element, 'dependency').map((dependency) => ({
    groupId: childText(dependency, 'groupId') ?? '',
    artifactId: childText(dependency, 'artifactId') ?? '',
    version: childText(dependency, 'version') ?? '',
    type: childText(dependency, 'type') ?? '',
    classifier: childText(dependency, 'classifier') ?? '',
    scope: childText(dependency, 'scope') ?? '',
    line: dependency.line,
  }));
}

function readManaged(owner: XmlElement): RawDependency[] {
  const management = child(owner, 'dependencyManagement');
  return management === undefined ? [] : readDependencies(child(management, 'dependencies'));
}
