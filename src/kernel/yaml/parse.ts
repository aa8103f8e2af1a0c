import { YAML11_SCHEMA, YAMLException, constructFromEvents, mergeTag, parseEvents } from 'js-yaml';
import { BosunError } from '../errors.js';
import { createLineIndex } from '../lines.js';
import type { LineIndex } from '../lines.js';
import { locatePath, rootStarts } from './locate.js';
import type { PathSegment } from './locate.js';
import { splitDocuments } from './split.js';

/**
 * Kubernetes decodes manifests with YAML 1.1 rules (sigs.k8s.io/yaml over go-yaml v2): `yes` is a
 * boolean, `0755` is octal and `<<` merges. We read them the same way so checks see what the API
 * server would see.
 */
const KUBERNETES_YAML_SCHEMA = YAML11_SCHEMA.withTags(mergeTag);

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface YamlDocument {
  /** 0-based index among the non-empty documents of the stream. */
  index: number;
  value: unknown;
  /** Where the document's content starts. */
  position: SourcePosition;
  /** Position of a field; falls back to the deepest existing ancestor (`exact: false`). */
  locate(path: readonly PathSegment[]): SourcePosition & { exact: boolean };
}

export interface YamlStream {
  documents: YamlDocument[];
  /** One per malformed document; the other documents are still returned. */
  errors: BosunError[];
}

export interface ParseOptions {
  file: string;
  /** Parse as strict JSON (faster, exact JSON semantics) instead of YAML. */
  json?: boolean;
}

export function parseYamlStream(text: string, options: ParseOptions): YamlStream {
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= createLineIndex(text));
  const documents: YamlDocument[] = [];
  const errors: BosunError[] = [];

  if (options.json === true) {
    try {
      const value: unknown = JSON.parse(text);
      documents.push(makeDocument(text, 0, text.search(/\S|$/), 0, value, lineIndex));
    } catch (cause) {
      errors.push(jsonError(text, options.file, cause, lineIndex));
    }
    return { documents, errors };
  }

  for (const range of splitDocuments(text)) {
    const slice = text.slice(range.start, range.end);
    let values: unknown[];
    let starts: number[];
    try {
      const events = parseEvents(slice, { maxDepth: 200 });
      values = constructFromEvents(events, { source: slice, schema: KUBERNETES_YAML_SCHEMA, maxAliases: 1000 });
      starts = rootStarts(events);
    } catch (cause) {
      errors.push(yamlError(options.file, range.start, cause, lineIndex));
      continue;
    }
    values.forEach((value, n) => {
      if (value === null || value === undefined) return; // empty documents are normal in helm output
      documents.push(makeDocument(slice, range.start, range.start + (starts[n] ?? 0), documents.length, value, lineIndex));
    });
  }
  return { documents, errors };
}

function makeDocument(
  slice: string,
  start: number,
  contentStart: number,
  index: number,
  value: unknown,
  lineIndex: () => LineIndex,
): YamlDocument {
  return {
    index,
    value,
    get position() {
      return lineIndex().position(contentStart);
    },
    locate(path) {
      const found = locatePath(slice, path);
      return { ...lineIndex().position(start + found.offset), exact: found.exact };
    },
  };
}

function yamlError(file: string, base: number, cause: unknown, lineIndex: () => LineIndex): BosunError {
  if (cause instanceof YAMLException) {
    const offset = base + (cause.mark?.position ?? 0);
    const { line, column } = lineIndex().position(offset);
    return new BosunError('input.yaml', `malformed YAML: ${cause.reason}`, { file, line, column, cause });
  }
  const { line, column } = lineIndex().position(base);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BosunError('input.yaml', `malformed YAML: ${reason}`, { file, line, column, cause });
}

function jsonError(text: string, file: string, cause: unknown, lineIndex: () => LineIndex): BosunError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/^JSON\.parse: /, '');
  let offset = Number(/position (\d+)/.exec(reason)?.[1] ?? Number.NaN);
  if (Number.isNaN(offset)) offset = firstInvalidOffset(text);
  const { line, column } = lineIndex().position(offset);
  const clean = reason.replace(/ in JSON at position \d+.*$/, '').replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
  return new BosunError('input.json', `malformed JSON: ${clean}`, { file, line, column, cause });
}

/**
 * V8's JSON errors do not always carry a position. A prefix of valid JSON fails only with "end of
 * input", and once a prefix holds a bad token every longer one does too, so a binary search over
 * prefix lengths finds the first bad character with the platform parser itself.
 */
function firstInvalidOffset(text: string): number {
  const prefixIsValid = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      if (!(error instanceof SyntaxError)) return false;
      const at = /at position (\d+)/.exec(error.message)?.[1];
      return at === undefined ? /end of (JSON )?input/i.test(error.message) : Number(at) >= length;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefixIsValid(mid)) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(lo, Math.max(0, text.length - 1));
}
