/** A byte range of one YAML document inside a multi-document text. */
export interface DocumentRange {
  start: number;
  end: number;
}

/**
 * Splits a YAML stream into per-document ranges so that one malformed document does not hide the
 * others. ref. YAML 1.2.2 §9.1: `---` and `...` at column 0 followed by whitespace or end of line are
 * document markers in every context (they are forbidden as content), so a line scan is exact.
 * Directive lines (`%...`) stay with the document they precede.
 */
export function splitDocuments(text: string): DocumentRange[] {
  const ranges: DocumentRange[] = [];
  let docStart = 0;
  let pendingDirectives = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const first = text.charCodeAt(lineStart);
    if (first === 0x2d /* - */ && isMarker(text, lineStart, lineEnd, '---')) {
      const cut = pendingDirectives >= 0 ? pendingDirectives : lineStart;
      if (cut > docStart) ranges.push({ start: docStart, end: cut });
      docStart = cut;
      pendingDirectives = -1;
    } else if (first === 0x2e /* . */ && isMarker(text, lineStart, lineEnd, '...')) {
      ranges.push({ start: docStart, end: lineEnd });
      docStart = newline < 0 ? text.length : newline + 1;
      pendingDirectives = -1;
    } else if (first === 0x25 /* % */ && pendingDirectives < 0) {
      pendingDirectives = lineStart;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (docStart < text.length) ranges.push({ start: docStart, end: text.length });
  return ranges;
}

function isMarker(text: string, lineStart: number, lineEnd: number, marker: string): boolean {
  if (!text.startsWith(marker, lineStart)) return false;
  const after = lineStart + 3;
  if (after >= lineEnd) return true;
  const c = text.charCodeAt(after);
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
