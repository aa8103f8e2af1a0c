/**
 * dpkg's status database: deb822 stanzas separated by blank lines. ref. deb822(5) and Debian Policy
 * 5.1: `Field: value` lines, continuation lines start with a space or tab; field names are
 * case-insensitive.
 */
export interface DpkgStanza {
  /** Field name (as written) → value; continuation lines joined with `\n`. */
  fields: Map<string, string>;
  /** 1-based line of the stanza's first field. */
  line: number;
}

export interface DpkgParseResult {
  stanzas: DpkgStanza[];
  errors: { line: number; message: string }[];
}

const FIELD = /^([!-9;-~][!-9;-~]*):(.*)$/;

export function parseDpkgStatus(text: string): DpkgParseResult {
  const stanzas: DpkgStanza[] = [];
  const errors: { line: number; message: string }[] = [];
  let current: DpkgStanza | undefined;
  let lastField: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (line.trim() === '') {
      if (current !== undefined) stanzas.push(current);
      current = undefined;
      lastField = undefined;
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (current === undefined || lastField === undefined) {
        errors.push({ line: n + 1, message: 'continuation line outside a field' });
        continue;
      }
      current.fields.set(lastField, `${current.fields.get(lastField) ?? ''}\n${line.trim()}`);
      continue;
    }
    const match = FIELD.exec(line);
    if (match === null || line.startsWith('#') || line.startsWith('-')) {
      errors.push({ line: n + 1, message: 'expected "Field: value"' });
      continue;
    }
    current ??= { fields: new Map(), line: n + 1 };
    lastField = (match[1] ?? '').toLowerCase();
    current.fields.set(lastField, (match[2] ?? '').trim());
  }
  if (current !== undefined) stanzas.push(current);
  return { stanzas, errors };
}

/** `glibc (2.36-9)` → name and version; `glibc` → name only. ref. Debian Policy 5.6.1 (Source). */
export function parseSourceField(value: string): { name: string; version?: string } {
  const match = /^(\S+)(?:\s*\(([^)]*)\))?/.exec(value.trim());
  const name = match?.[1] ?? value.trim();
  const version = match?.[2]?.trim();
  return version !== undefined && version !== '' ? { name, version } : { name };
}
