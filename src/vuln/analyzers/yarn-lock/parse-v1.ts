import { nameFromDescriptor } from './descriptor.js';
import type { YarnEntry, YarnParseResult, YarnProblem } from './types.js';

/**
 * yarn.lock v1 (yarn classic), ref. yarnpkg/yarn src/lockfile/parse.js: an indentation-based
 * format, not YAML. A block starts with an unindented header listing its descriptors and ending
 * in `:`; its fields are indented two spaces as `key value`; `key:` opens a nested map (e.g.
 * `dependencies:`), indented further. Strings may be double-quoted with JSON escapes.
 */
export function parseYarnV1(text: string): YarnParseResult {
  const entries: YarnEntry[] = [];
  const problems: YarnProblem[] = [];
  let block: { descriptors: string[]; fields: Map<string, string>; line: number } | undefined;
  const finish = (): void => {
    if (block === undefined) return;
    const name = nameFromDescriptor(block.descriptors[0] ?? '');
    const version = block.fields.get('version');
    const resolution = block.fields.get('resolved');
    if (version === undefined) problems.push({ line: block.line, message: `block "${block.descriptors.join(', ')}" has no version` });
    entries.push({ name, version: version ?? '', ...(resolution !== undefined ? { resolution } : {}), line: block.line });
  };

  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const raw = (lines[n] ?? '').replace(/\r$/, '');
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - content.length;
    const line = n + 1;
    if (indent === 0) {
      finish();
      const descriptors = parseHeader(content.trimEnd());
      if (descriptors === undefined) return { ok: false, line, message: 'malformed yarn.lock: expected a block header ending in ":"' };
      block = { descriptors, fields: new Map(), line };
      continue;
    }
    if (block === undefined) return { ok: false, line, message: 'malformed yarn.lock: indented line outside of a block' };
    if (indent > 2) continue; // inside a nested map such as `dependencies:`
    const field = parseField(content.trimEnd());
    if (field === undefined) return { ok: false, line, message: 'malformed yarn.lock: expected `key value` or `key:`' };
    if (field.value !== undefined && !block.fields.has(field.key)) block.fields.set(field.key, field.value);
  }
  finish();
  return { ok: true, entries, problems };
}

/** `a@^1, "b@git+ssh://x#y":` → the descriptors, or undefined when this is no header. */
function parseHeader(header: string): string[] | undefined {
  if (!header.endsWith(':')) return undefined;
  const body = header.slice(0, -1);
  const descriptors: string[] = [];
  let i = 0;
  while (i < body.length) {
    while (body[i] === ' ') i++;
    let token: string | undefined;
    if (body[i] === '"') {
      const quoted = readQuoted(body, i);
      if (quoted === undefined) return undefined;
      token = quoted.value;
      i = quoted.end;
    } else {
      const comma = body.indexOf(',', i);
      const end = comma < 0 ? body.length : comma;
      token = body.slice(i, end).trim();
      i = end;
    }
    if (token === '') return undefined;
    descriptors.push(token);
    while (body[i] === ' ') i++;
    if (i < body.length && body[i++] !== ',') return undefined;
  }
  return descriptors.length > 0 ? descriptors : undefined;
}

/** `version "1.0.2"`, `"integrity" sha1-…`, `dependencies:` → key and value (none for a nested map). */
function parseField(text: string): { key: string; value?: string } | undefined {
  let key: string;
  let rest: string;
  if (text.startsWith('"')) {
    const quoted = readQuoted(text, 0);
    if (quoted === undefined) return undefined;
    key = quoted.value;
    rest = text.slice(quoted.end);
  } else {
    const match = /^([^\s:]+)(.*)$/.exec(text);
    if (match?.[1] === undefined) return undefined;
    key = match[1];
    rest = match[2] ?? '';
  }
  rest = rest.trim();
  if (rest === ':' || rest === '') return { key };
  if (rest.startsWith(':')) rest = rest.slice(1).trim();
  if (!rest.startsWith('"')) return { key, value: rest };
  const quoted = readQuoted(rest, 0);
  return quoted === undefined || quoted.end !== rest.length ? undefined : { key, value: quoted.value };
}

/** A double-quoted string starting at `start` (JSON escapes), and the index just past it. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(start, i + 1));
    return typeof value === 'string' ? { value, end: i + 1 } : undefined;
  } catch {
    return undefined;
  }
}
