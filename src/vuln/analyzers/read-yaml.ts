import { EVENT_ID, FAILSAFE_SCHEMA, YAMLException, constructFromEvents, getScalarValue, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import { createLineIndex } from '../../kernel/index.js';
import type { LineIndex } from '../../kernel/index.js';

/**
 * YAML lockfiles (pnpm-lock.yaml, yarn berry's yarn.lock) read with the YAML 1.2 failsafe schema:
 * every scalar stays a string, so `version: 1.10` is "1.10" and `lockfileVersion: 5.3` is "5.3",
 * never a float (ref. YAML 1.2.2 §10.1 "Failsafe Schema"); an empty value reads as "".
 * Shared by the pnpm and yarn analyzers, so it sits one level up and neither imports the other.
 */
export interface YamlDocumentKeys {
  value: unknown;
  /** 1-based line of each key of the mapping at `path` (mapping keys; [] is the root). */
  keyLines(path: readonly string[]): Map<string, number>;
}

export type YamlReadResult = { ok: true; documents: YamlDocumentKeys[] } | { ok: false; line?: number; message: string };

export function readYaml(text: string): YamlReadResult {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: 200 });
    values = constructFromEvents(events, { source: text, schema: FAILSAFE_SCHEMA, maxAliases: 1000 });
  } catch (error) {
    const reason = `malformed YAML: ${error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error)}`;
    const position = error instanceof YAMLException ? error.mark?.position : undefined;
    return position === undefined ? { ok: false, message: reason } : { ok: false, line: createLineIndex(text).position(position).line, message: reason };
  }
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= createLineIndex(text));
  const roots = documentRoots(events);
  const documents = values.map((value, n): YamlDocumentKeys => ({
    value,
    keyLines(path) {
      const found = new Map<string, number>();
      const root = roots[n];
      const at = root === undefined ? undefined : descend(text, events, root, path);
      if (at === undefined || events[at]?.type !== EVENT_ID.MAPPING) return found;
      for (let j = at + 1; j < events.length && events[j]?.type !== EVENT_ID.POP; j = skipNode(events, skipNode(events, j))) {
        const key = events[j];
        if (key?.type !== EVENT_ID.SCALAR || key.valueStart < 0) continue;
        const name = getScalarValue(text, key);
        if (!found.has(name)) found.set(name, lineIndex().position(key.valueStart).line);
      }
      return found;
    },
  }));
  return { ok: true, documents };
}

/** Index of each non-empty document's root node, in the order constructFromEvents returns values. */
function documentRoots(events: Event[]): number[] {
  const roots: number[] = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i]?.type === EVENT_ID.DOCUMENT) roots.push(i + 1);
  }
  return roots;
}

/** Index of the node at `path` (mapping keys) below the node at `at`. */
function descend(text: string, events: Event[], at: number, path: readonly string[]): number | undefined {
  let node = at;
  for (const segment of path) {
    if (events[node]?.type !== EVENT_ID.MAPPING) return undefined;
    let found: number | undefined;
    for (let j = node + 1; j < events.length && events[j]?.type !== EVENT_ID.POP; ) {
      const key = events[j];
      const valueIndex = skipNode(events, j);
      if (key?.type === EVENT_ID.SCALAR && getScalarValue(text, key) === segment) {
        found = valueIndex;
        break;
      }
      j = skipNode(events, valueIndex);
    }
    if (found === undefined) return undefined;
    node = found;
  }
  return node;
}

/** The index just past the node starting at `i` (collections run to their matching POP). */
function skipNode(events: Event[], i: number): number {
  const type = events[i]?.type;
  if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j]?.type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}
