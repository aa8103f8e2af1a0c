/**
 * A block-style YAML emitter for JSON-shaped data (strings, numbers, booleans, arrays, objects),
 * enough for reports. General-purpose YAML libraries spent tens of seconds on a 50,000-result
 * report; the report's shape needs none of their features (anchors, tags, comments, styles).
 *
 * Scalars are written plain only when no YAML 1.1 or 1.2 reader can take them for anything but
 * the same string; everything else is a double-quoted scalar written as a JSON string, which is
 * valid YAML (ref. YAML 1.2.2 §7.3.1, whose escapes are a superset of JSON's).
 */

/**
 * Values are taken as `unknown` and checked as they are written, so typed report interfaces pass
 * without index signatures. `undefined` fields are left out; `null` is written as `null`.
 */
type Mapping = Readonly<Record<string, unknown>>;

/**
 * Starts with a letter, then letters, digits, spaces and `._/()'-`, and does not end in a space:
 * no indicator, no `: ` or ` #`, never a number, date or null in either YAML version.
 */
const PLAIN = /^[A-Za-z](?:[A-Za-z0-9 ._/()'-]*[A-Za-z0-9._/()'-])?$/;

/** Words YAML 1.1 (which Kubernetes tools still read with) resolves to booleans or null. */
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/**
 * Characters JSON leaves raw that YAML must not see raw: DEL and C1 controls (NEL is a line break
 * in YAML 1.1), the Unicode line and paragraph separators (line breaks in YAML 1.1) and BOM.
 */
const UNSAFE_RAW = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** A lone surrogate cannot be encoded in UTF-8; it becomes U+FFFD, as the SARIF URIs do. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function scalar(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value.replace(LONE_SURROGATE, '\uFFFD')).replace(UNSAFE_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `[]` / `{}` for an empty collection, the scalar for anything else that is not a collection. */
function inline(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMapping(value)) return Object.values(value).every((v) => v === undefined) ? '{}' : undefined;
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return scalar(value);
  return JSON.stringify(String(value));
}

/** Lines of a mapping at `indent`; keys with undefined values are left out. */
function mappingLines(object: Mapping, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    const head = `${indent}${scalar(key)}:`;
    const simple = inline(value);
    if (simple !== undefined) out.push(`${head} ${simple}`);
    else {
      out.push(head);
      nestedLines(value, `${indent}  `, out);
    }
  }
}

function nestedLines(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) sequenceLines(value, indent, out);
  else if (isMapping(value)) mappingLines(value, indent, out);
}

function sequenceLines(items: readonly unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item === undefined) continue;
    const simple = inline(item);
    if (simple !== undefined) out.push(`${indent}- ${simple}`);
    else if (Array.isArray(item)) {
      out.push(`${indent}-`);
      sequenceLines(item, `${indent}  `, out);
    } else {
      // The first key shares the dash's line; the rest line up under it.
      const start = out.length;
      nestedLines(item, `${indent}  `, out);
      out[start] = `${indent}- ${(out[start] ?? '').slice(indent.length + 2)}`;
    }
  }
}

/** One YAML document (without the `---` marker), ending in a newline. */
export function emitDocument(value: object): string {
  const out: string[] = [];
  if (isMapping(value)) mappingLines(value, '', out);
  return `${out.join('\n')}\n`;
}
