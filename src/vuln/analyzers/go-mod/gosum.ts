/**
 * go.sum lines: `module version hash`, where `version/go.mod` lines only hash a go.mod file and
 * say nothing about the module's code being used. ref. https://go.dev/ref/mod#go-sum-files
 */
export interface SumEntry {
  path: string;
  version: string;
  line: number;
}

export type SumParseResult = { ok: true; entries: SumEntry[] } | { ok: false; line: number; message: string };

export function parseGoSum(text: string): SumParseResult {
  const entries: SumEntry[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const fields = (lines[n] ?? '').trim().split(/\s+/).filter((f) => f !== '');
    if (fields.length === 0) continue;
    const [path, version] = fields;
    if (fields.length !== 3 || path === undefined || version === undefined) {
      return { ok: false, line: n + 1, message: 'go.sum line is not "module version hash"' };
    }
    if (version.endsWith('/go.mod')) continue;
    entries.push({ path, version, line: n + 1 });
  }
  return { ok: true, entries };
}
