import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { loadLineage, readPomText } from './lineage.js';
import { resolveDependencies } from './resolve.js';
import type { ResolvedDependency } from './resolve.js';

/**
 * pom.xml (Maven), offline: the project's direct dependencies with versions from properties,
 * dependency management and local parent POMs. Plugin dependencies are build tools and are left out.
 */
export const mavenPom = {
  id: 'maven-pom',
  version: 1,
  matches(path: string): boolean {
    return path === 'pom.xml' || path.endsWith('/pom.xml');
  },
  async analyze({ path, content, files }): Promise<AnalyzerOutput> {
    const read = readPomText(content);
    if (!read.ok) return { packages: [], errors: [{ path, ...(read.line !== undefined ? { line: read.line } : {}), message: read.message }] };
    const { lineage, errors } = await loadLineage({ path, pom: read.pom }, files);
    // Classifier and type variants of one artifact version (`-sources`, a `pom` next to the `jar`)
    // are one package for advisories; the last declaration gives its location.
    const byName = new Map<string, ResolvedDependency>();
    for (const dependency of resolveDependencies(lineage)) {
      const key = `${dependency.groupId}:${dependency.artifactId}@${dependency.version}`;
      byName.delete(key);
      byName.set(key, dependency);
    }
    return { packages: [...byName.values()].map(toPackage), errors };
  },
} satisfies FileAnalyzer;

function toPackage(dependency: ResolvedDependency): Package {
  const { groupId, artifactId, version, type, classifier, scope } = dependency;
  const qualifiers: Record<string, string> = {};
  if (classifier !== '') qualifiers['classifier'] = classifier;
  if (type !== '' && type !== 'jar') qualifiers['type'] = type;
  return {
    name: `${groupId}:${artifactId}`,
    version,
    ecosystem: 'Maven',
    purl: formatPurl({ type: 'maven', namespace: groupId, name: artifactId, version, qualifiers }),
    // compile is the default scope; the others (test, provided, runtime, system) are groups.
    depGroups: scope !== '' && scope !== 'compile' ? [scope] : [],
    locations: dependency.locations,
    metadata: { groupId, artifactId, isTransitive: false },
  };
}
