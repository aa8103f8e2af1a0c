import { formatPurl } from '../../inventory/index.js';
import type { AnalyzerError, AnalyzerOutput, FileAnalyzer, Package } from '../../inventory/index.js';
import { POM_PROPERTIES, fromManifestOrName, fromPomProperties } from './identify.js';
import type { Coordinate } from './identify.js';
import { parseManifest, parseProperties } from './parse.js';
import { unzipSelected } from './unzip.js';
import type { Budget } from './unzip.js';

export interface JavaArchiveOptions {
  /** Archive-in-archive levels opened below the scanned file (war → jar → jar is 2). @default 3 */
  maxDepth?: number;
  /** Uncompressed bytes extracted from one file, all levels together; beyond it is reported as a likely zip bomb. @default 512 MiB */
  maxTotalSize?: number;
}

/** Java archive kinds: JAR, web, enterprise, persistence, service (JBoss), Jenkins plugin (jpi, hpi). */
const ARCHIVE = /\.(?:jar|war|ear|par|sar|jpi|hpi)$/i;
const MANIFEST = 'META-INF/MANIFEST.MF';

/**
 * Java archives: the Maven artifacts they hold, nested archives included (WEB-INF/lib of a war,
 * BOOT-INF/lib of a Spring Boot jar, lib/ or the top level of an ear: every entry named like an
 * archive is opened, whatever its folder).
 *
 * Each `META-INF/maven/<g>/<a>/pom.properties` is one package (a shaded jar has several); an
 * archive with none is identified from its file name and manifest (see `fromManifestOrName`).
 * A package inside a nested archive is located at `outer.war!/WEB-INF/lib/inner.jar`, the JAR
 * URL convention (ref. java.net.JarURLConnection). The same coordinate found twice in one scanned
 * file is one package, located where it was met first (outermost, then in entry order).
 */
export function createJavaArchiveAnalyzer(options: JavaArchiveOptions = {}) {
  const maxDepth = options.maxDepth ?? 3;
  const maxTotalSize = options.maxTotalSize ?? 512 * 1024 * 1024;
  return {
    id: 'java-archive',
    version: 1,
    input: 'bytes',
    matches(path: string): boolean {
      return ARCHIVE.test(path);
    },
    async analyze({ path, bytes }): Promise<AnalyzerOutput> {
      const walk: Walk = { root: path, maxDepth, budget: { remaining: maxTotalSize, exceeded: false }, packages: new Map(), errors: [] };
      visit(walk, bytes ?? new Uint8Array(), path, 0);
      if (walk.budget.exceeded) {
        walk.errors.push({ path, message: `archive expands beyond the ${maxTotalSize}-byte limit (zip bomb?); entries past it were not analyzed` });
      }
      return { packages: [...walk.packages.values()], errors: walk.errors };
    },
  } satisfies FileAnalyzer;
}

/** The analyzer with default options, as registered. */
export const javaArchive = createJavaArchiveAnalyzer();

interface Walk {
  /** The scanned file: every error is reported against it (inner locations go in the message). */
  root: string;
  maxDepth: number;
  budget: Budget;
  /** By `group:artifact@version`. */
  packages: Map<string, Package>;
  errors: AnalyzerError[];
}

function visit(walk: Walk, bytes: Uint8Array, location: string, depth: number): void {
  const where = location === walk.root ? '' : `${location}: `;
  const tooDeep: string[] = [];
  const wanted = (name: string): boolean => {
    if (name.toUpperCase() === MANIFEST || POM_PROPERTIES.test(name)) return true;
    if (!ARCHIVE.test(name) || name.endsWith('/')) return false;
    // Past the depth limit a nested archive is named, never extracted.
    if (depth + 1 <= walk.maxDepth) return true;
    tooDeep.push(name);
    return false;
  };
  const read = unzipSelected(bytes, wanted, walk.budget);
  if (!read.ok) {
    walk.errors.push({ path: walk.root, message: `${where}${read.message}` });
    return;
  }
  for (const problem of read.problems) walk.errors.push({ path: walk.root, message: `${where}${problem}` });
  for (const name of tooDeep) walk.errors.push({ path: walk.root, message: `${location}!/${name}: nested more than ${walk.maxDepth} archives deep; not analyzed` });

  const coordinates: Coordinate[] = [];
  for (const { name, data } of read.entries) {
    if (!POM_PROPERTIES.test(name)) continue;
    // ref. java.util.Properties#store: ISO 8859-1, anything else \u-escaped.
    const coordinate = fromPomProperties(name, parseProperties(new TextDecoder('latin1').decode(data)));
    if (coordinate === undefined) walk.errors.push({ path: walk.root, message: `${where}${name}: no groupId, artifactId and version` });
    else coordinates.push(coordinate);
  }
  if (coordinates.length === 0) {
    const manifest = read.entries.find((e) => e.name.toUpperCase() === MANIFEST);
    const attributes = manifest === undefined ? new Map<string, string>() : parseManifest(new TextDecoder().decode(manifest.data));
    const fileName = location.slice(Math.max(location.lastIndexOf('/'), location.lastIndexOf('!')) + 1);
    const coordinate = fromManifestOrName(attributes, fileName);
    if (coordinate !== undefined) coordinates.push(coordinate);
  }
  for (const coordinate of coordinates) add(walk, coordinate, location);

  for (const { name, data } of read.entries) {
    if (ARCHIVE.test(name)) visit(walk, data, `${location}!/${name}`, depth + 1);
  }
}

function add(walk: Walk, { groupId, artifactId, version, source }: Coordinate, location: string): void {
  const name = groupId === '' ? artifactId : `${groupId}:${artifactId}`;
  const key = `${name}@${version}`;
  if (walk.packages.has(key)) return;
  walk.packages.set(key, {
    name,
    version,
    ecosystem: 'Maven',
    purl: formatPurl({ type: 'maven', ...(groupId !== '' ? { namespace: groupId } : {}), name: artifactId, version }),
    depGroups: [],
    locations: [{ path: location }],
    metadata: { groupId, artifactId, source },
  });
}
