import { parseArchiveName } from './parse.js';

/** A Maven coordinate and what it was read from. */
export interface Coordinate {
  groupId: string;
  artifactId: string;
  version: string;
  source: 'pom.properties' | 'manifest' | 'file-name';
}

/** `META-INF/maven/<groupId>/<artifactId>/pom.properties`, which Maven archivers write into every jar they build. */
export const POM_PROPERTIES = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.properties$/;

/**
 * One pom.properties: its `groupId`, `artifactId` and `version` keys (ref. Maven Archiver,
 * "pom.properties"), the folder names standing in for missing group and artifact keys.
 */
export function fromPomProperties(entryName: string, properties: ReadonlyMap<string, string>): Coordinate | undefined {
  const folders = POM_PROPERTIES.exec(entryName);
  const groupId = properties.get('groupId') || folders?.[1];
  const artifactId = properties.get('artifactId') || folders?.[2];
  const version = properties.get('version');
  if (groupId === undefined || artifactId === undefined || version === undefined || version === '') return undefined;
  return { groupId, artifactId, version, source: 'pom.properties' };
}

/** A Maven-style identifier: what artifactIds and groupIds are made of (no spaces, unlike display titles). */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * An archive without pom.properties (built by Gradle, Ant, or repackaged), from its file name and
 * manifest main section, in this order of precedence:
 *
 * - artifactId and version: the file name when it carries a version (`name-1.2.3.jar`, the Maven
 *   repository layout that WEB-INF/lib and lib/ folders keep). Manifests are free text and go
 *   stale: dom4j-1.1.jar says Implementation-Version 1.2, commons-chain and jna put a Java package
 *   name in Implementation-Title.
 * - otherwise (a renamed `app.jar`): artifactId from `Implementation-Title` when it is a single
 *   token (display names with spaces are not artifactIds) → `Bundle-SymbolicName` (OSGi,
 *   directives after `;` dropped); version from `Implementation-Version` → `Bundle-Version`.
 * - groupId, a hint only: `Implementation-Vendor-Id` (Maven's `${project.groupId}` in older
 *   archivers) → the prefix of `Bundle-SymbolicName` or `Automatic-Module-Name` before
 *   `.artifactId`, when one ends so (maven-bundle-plugin's default symbolic name is
 *   `groupId.artifactId`) → '' (unknown).
 *
 * No version anywhere means no package: the name alone would be a guess that matches nothing.
 */
export function fromManifestOrName(manifest: ReadonlyMap<string, string>, fileName: string): Coordinate | undefined {
  const named = parseArchiveName(fileName);
  const symbolic = token(manifest.get('bundle-symbolicname')?.split(';')[0]?.trim());
  const artifactId = named?.artifactId ?? token(manifest.get('implementation-title')) ?? symbolic;
  const version = named?.version ?? token(manifest.get('implementation-version')) ?? token(manifest.get('bundle-version'));
  if (artifactId === undefined || version === undefined) return undefined;
  const suffix = `.${artifactId}`;
  const prefixOf = (name: string | undefined): string | undefined => (name !== undefined && name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined);
  const groupId = token(manifest.get('implementation-vendor-id')) ?? prefixOf(symbolic) ?? prefixOf(token(manifest.get('automatic-module-name'))) ?? '';
  return { groupId, artifactId, version, source: named !== undefined ? 'file-name' : 'manifest' };
}

function token(value: string | undefined): string | undefined {
  return value !== undefined && TOKEN.test(value) ? value : undefined;
}
