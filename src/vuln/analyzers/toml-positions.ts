/**
 * Source lines for TOML array-of-tables entries (`[[package]]`), which TOML parsers do not report.
 * Shared by the TOML lockfile analyzers (Cargo.lock, poetry.lock); it sits one level up so no
 * analyzer imports a sibling.
 *
 * It scans just enough TOML to stay correct: strings (basic, literal and their multi-line forms,
 * ref. TOML v1.0.0 "String") so a `name = ...` inside a description never counts, comments, and
 * table headers. Values themselves are read by a real TOML parser; this only finds lines.
 */
export interface ArrayTableEntry {
  /** 1-based line of the `[[table]]` header. */
  line: number;
  /** 1-based line of each key written directly in this entry (not in its sub-tables). */
  keys: Map<string, number>;
}

/** Every `[[table]]` header, in document order, so entry n matches element n of the parsed array. */
export function locateArrayTables(text: string, table: string): ArrayTableEntry[] {
  const entries: ArrayTableEntry[] = [];
  let current: ArrayTableEntry | undefined;
  let line = 1;
  let i = 0;
  let atLineStart = true;
  let depth = 0; // open `[`/`{` of a value: a line starting with `[` inside an array is no header
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      i++;
      atLineStart = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      i = skipToLineEnd(text, i);
      continue;
    }
    if (atLineStart && depth === 0 && ch === '[') {
      const end = text.indexOf('\n', i);
      const header = text.slice(i, end < 0 ? text.length : end).replace(/#.*$/, '').trim();
      const name = /^\[\[\s*([^\]]*?)\s*\]\]$/.exec(header)?.[1];
      if (name === table) {
        current = { line, keys: new Map() };
        entries.push(current);
      } else {
        current = undefined; // a sub-table (`[package.source]`) or another table: not direct keys
      }
      i = skipToLineEnd(text, i);
      continue;
    }
    if (atLineStart && depth === 0) {
      const key = /^("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_.-]+)\s*=/.exec(text.slice(i, i + 256));
      if (key?.[1] !== undefined && current !== undefined) {
        const name = key[1].replace(/^["']|["']$/g, '');
        if (!current.keys.has(name)) current.keys.set(name, line);
      }
      atLineStart = false;
      if (key !== null) {
        i += key[0].length;
        continue;
      }
    }
    atLineStart = false;
    if (ch === '"' || ch === "'") {
      const skipped = skipString(text, i);
      line += countNewlines(text, i, skipped);
      i = skipped;
      continue;
    }
    if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    i++;
  }
  return entries;
}

function skipToLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Index just past the string starting at `start` (any of the four TOML string forms). */
function skipString(text: string, start: number): number {
  const quote = text[start] ?? '"';
  const triple = quote.repeat(3);
  if (text.startsWith(triple, start)) {
    let j = start + 3;
    for (;;) {
      const close = text.indexOf(triple, j);
      if (close < 0) return text.length;
      if (quote === '"' && isEscaped(text, close)) {
        j = close + 1;
        continue;
      }
      // A multi-line string may end with up to two extra quotes (`""""` closes after one quote).
      let end = close + 3;
      while (text[end] === quote && end - close < 5) end++;
      return end;
    }
  }
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return j;
    if (quote === '"' && c === '\\') {
      j++;
      continue;
    }
    if (c === quote) return j + 1;
  }
  return text.length;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let k = at - 1; k >= 0 && text[k] === '\\'; k--) backslashes++;
  return backslashes % 2 === 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text[k] === '\n') n++;
  return n;
}
