import type { PathSegment, SourcePosition } from '../../../kernel/index.js';
import { LOCATED_WARNINGS } from '../document.js';
import type { SbomDocument } from '../document.js';

/**
 * SPDX tag-value, turned into the JSON shape the JSON reader validates. ref. SPDX 2.3 §5
 * (tag-value format): one `Tag: value` per line, `<text>…</text>` for values spanning lines, `#`
 * comments; a package's tags follow its `PackageName` until another section (package, file,
 * snippet, license) starts; `Relationship: A TYPE B` and `ExternalRef: CATEGORY TYPE LOCATOR`.
 */
const SECTION_STARTS = new Set(['PackageName', 'FileName', 'SnippetSPDXID', 'LicenseID']);

interface TagValuePackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  description?: string;
  primaryPackagePurpose?: string;
  externalRefs: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}

export function spdxTagValue(text: string, file: string): SbomDocument {
  const document: Record<string, unknown> = {};
  const packages: TagValuePackage[] = [];
  const packageLines: number[] = [];
  const relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] = [];
  const documentDescribes: string[] = [];
  const tagLines = new Map<string, number>();
  let current: TagValuePackage | undefined;
  let section = 'document';
  for (const { tag, value, line } of tagValues(text)) {
    if (SECTION_STARTS.has(tag)) {
      section = tag;
      current = undefined;
    }
    if (!tagLines.has(tag)) tagLines.set(tag, line);
    switch (tag) {
      case 'SPDXVersion':
        document['spdxVersion'] = value;
        break;
      case 'DocumentName':
        document['name'] = value;
        break;
      case 'DocumentNamespace':
        document['documentNamespace'] = value;
        break;
      case 'PackageName':
        current = { SPDXID: '', name: value, externalRefs: [] };
        packages.push(current);
        packageLines.push(line);
        break;
      case 'SPDXID':
        if (current !== undefined) current.SPDXID = value;
        else if (section === 'document') document['SPDXID'] = value;
        break;
      case 'PackageVersion':
        if (current !== undefined) current.versionInfo = value;
        break;
      case 'PackageSummary':
      case 'PackageDescription':
        if (current !== undefined) current.description ??= value;
        break;
      case 'PrimaryPackagePurpose':
        if (current !== undefined) current.primaryPackagePurpose = value;
        break;
      case 'ExternalRef': {
        const [referenceCategory = '', referenceType = '', ...locator] = value.split(/\s+/);
        if (current !== undefined) current.externalRefs.push({ referenceCategory, referenceType, referenceLocator: locator.join(' ') });
        break;
      }
      case 'Relationship': {
        const [spdxElementId = '', relationshipType = '', relatedSpdxElement = ''] = value.split(/\s+/);
        relationships.push({ spdxElementId, relationshipType, relatedSpdxElement });
        break;
      }
      case 'DocumentDescribes':
        // SPDX 2.2 tag-value may list described elements here, comma-separated.
        documentDescribes.push(...value.split(/[\s,]+/).filter((id) => id !== ''));
        break;
      default:
        break;
    }
  }
  const value = { ...document, ...(documentDescribes.length > 0 ? { documentDescribes } : {}), packages, relationships };
  const locate = (path: readonly PathSegment[]): SourcePosition | undefined => {
    const [head, index] = path;
    if (head === 'packages' && typeof index === 'number') return { line: packageLines[index] ?? 1, column: 1 };
    const line = head === 'spdxVersion' ? tagLines.get('SPDXVersion') : undefined;
    return line !== undefined ? { line, column: 1 } : undefined;
  };
  return { file, value, locate, linesLeft: LOCATED_WARNINGS, errorCode: 'input.read' };
}

/** The `Tag: value` pairs of a document with the line each starts on. */
function* tagValues(text: string): Generator<{ tag: string; value: string; line: number }> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const match = /^([A-Za-z][A-Za-z0-9]*):\s?(.*)$/.exec(raw.trim());
    if (raw.trim().startsWith('#') || match === null) continue;
    const tag = match[1] ?? '';
    let value = match[2] ?? '';
    const start = i + 1;
    if (value.startsWith('<text>')) {
      value = value.slice('<text>'.length);
      while (!value.includes('</text>') && i + 1 < lines.length) value += `\n${lines[++i] ?? ''}`;
      value = value.slice(0, value.includes('</text>') ? value.indexOf('</text>') : value.length);
    }
    yield { tag, value: value.trim(), line: start };
  }
}
