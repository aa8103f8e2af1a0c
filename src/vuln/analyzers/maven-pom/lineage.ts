import path from 'node:path';
import type { AnalyzerError, FileReader } from '../../inventory/index.js';
import { readPom } from './model.js';
import type { RawPom } from './model.js';
import { readXml } from './xml.js';

export interface PomFile {
  path: string;
  pom: RawPom;
}

export type PomReadResult = { ok: true; pom: RawPom } | { ok: false; line?: number; message: string };

export function readPomText(text: string): PomReadResult {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  if (xml.root.name !== 'project') return { ok: false, line: xml.root.line, message: `root element is <${xml.root.name}>, not a Maven <project>` };
  return { ok: true, pom: readPom(xml.root) };
}

/** Parent chains deeper than this are a loop or a mistake; Maven's own reactors stay far below it. */
const MAX_DEPTH = 32;

/**
 * The POM and the local parents it inherits from, child first. ref. Maven POM reference,
 * "Inheritance": `<relativePath>` defaults to `../pom.xml`, an empty one disables the local
 * lookup, and a POM found there only counts when it is the declared parent (same groupId and
 * artifactId); otherwise Maven would fetch the parent from a repository, which a scan cannot do.
 */
export async function loadLineage(first: PomFile, files: FileReader): Promise<{ lineage: PomFile[]; errors: AnalyzerError[] }> {
  const lineage = [first];
  const errors: AnalyzerError[] = [];
  const seen = new Set([path.posix.normalize(first.path)]);
  for (let current = first; lineage.length < MAX_DEPTH; ) {
    const parent = current.pom.parent;
    if (parent === undefined || parent.relativePath === '') break;
    let target = path.posix.normalize(path.posix.join(path.posix.dirname(current.path), parent.relativePath ?? '../pom.xml'));
    if (!target.endsWith('.xml')) target = path.posix.join(target, 'pom.xml');
    if (seen.has(target) || target.startsWith('../')) break;
    seen.add(target);
    const text = await files.readText(target);
    if (text === undefined) break;
    const read = readPomText(text);
    if (!read.ok) {
      errors.push({ path: target, ...(read.line !== undefined ? { line: read.line } : {}), message: `parent POM: ${read.message}` });
      break;
    }
    const groupId = read.pom.groupId !== '' ? read.pom.groupId : (read.pom.parent?.groupId ?? '');
    if (groupId !== parent.groupId || read.pom.artifactId !== parent.artifactId) break;
    current = { path: target, pom: read.pom };
    lineage.push(current);
  }
  return { lineage, errors };
}
