/**
 * apk's installed database. ref. apk-tools `doc/apk-package.5` / `src/database.c` (apk_db_read_fdb):
 * one record per package, records separated by blank lines, each line `X:value` with a one-letter
 * key (P name, V version, A arch, o origin, L license, F/R/Z file entries, ...).
 */
export interface ApkRecord {
  name: string;
  version: string;
  arch: string;
  /** Origin: the source package (aport) this binary package was built from. */
  origin: string;
  license: string;
  /** 1-based line of the record's first line. */
  line: number;
}

export interface ApkParseResult {
  records: ApkRecord[];
  errors: { line: number; message: string }[];
}

export function parseApkInstalled(text: string): ApkParseResult {
  const records: ApkRecord[] = [];
  const errors: { line: number; message: string }[] = [];
  let fields: Map<string, string> | undefined;
  let start = 0;
  const finish = (): void => {
    if (fields === undefined) return;
    const name = fields.get('P') ?? '';
    const version = fields.get('V') ?? '';
    if (name === '') errors.push({ line: start, message: 'apk record without a package name (P:)' });
    else if (version === '') errors.push({ line: start, message: `apk package ${name} has no version (V:)` });
    else records.push({ name, version, arch: fields.get('A') ?? '', origin: fields.get('o') ?? '', license: fields.get('L') ?? '', line: start });
    fields = undefined;
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (line === '') {
      finish();
      continue;
    }
    const match = /^([A-Za-z]):(.*)$/.exec(line);
    if (match === null) {
      errors.push({ line: n + 1, message: 'malformed apk database line: expected "X:value"' });
      continue;
    }
    if (fields === undefined) {
      fields = new Map();
      start = n + 1;
    }
    const key = match[1] ?? '';
    // File entries repeat keys; only the first value of the package keys matters.
    if (!fields.has(key)) fields.set(key, match[2] ?? '');
  }
  finish();
  return { records, errors };
}
