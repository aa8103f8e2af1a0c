/**
 * Core metadata of an installed distribution (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`).
 * ref. https://packaging.python.org/en/latest/specifications/core-metadata/: RFC 822 style
 * headers up to the first blank line (the rest is the description), folded lines start with
 * whitespace, `Name` and `Version` are required.
 */
export interface DistributionMetadata {
  name: string;
  version: string;
  /** 1-based line of the `Name` header. */
  line: number;
  /** Other single-valued headers worth keeping (`Metadata-Version`, `License`, ...). */
  headers: Map<string, string>;
}

export type MetadataParseResult = { ok: true; metadata: DistributionMetadata } | { ok: false; line?: number; message: string };

export function parseCoreMetadata(text: string): MetadataParseResult {
  const headers = new Map<string, { value: string; line: number }>();
  let last: { value: string; line: number } | undefined;
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '');
    if (line.trim() === '') break; // end of headers: the description body follows
    if (/^[ \t]/.test(line)) {
      if (last !== undefined) last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, line: n + 1, message: `metadata line is not "Header: value"` };
    const key = line.slice(0, colon).trim().toLowerCase();
    last = { value: line.slice(colon + 1).trim(), line: n + 1 };
    if (!headers.has(key)) headers.set(key, last); // repeated headers (Classifier, Requires-Dist) are lists we do not need
  }
  const name = headers.get('name');
  const version = headers.get('version');
  if (name === undefined || name.value === '') return { ok: false, message: 'metadata has no Name header' };
  if (version === undefined || version.value === '') return { ok: false, line: name.line, message: 'metadata has no Version header' };
  const kept = new Map<string, string>();
  for (const key of ['metadata-version', 'license', 'license-expression', 'author', 'home-page']) {
    const header = headers.get(key);
    if (header !== undefined && header.value !== '') kept.set(key, header.value);
  }
  return { ok: true, metadata: { name: name.value, version: version.value, line: name.line, headers: kept } };
}
