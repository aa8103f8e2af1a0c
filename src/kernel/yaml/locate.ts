import { EVENT_ID, getScalarValue, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';

/** One step into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;

export interface Located {
  /** Offset inside the located text. */
  offset: number;
  /** True when the whole path was found; false when the offset is the deepest ancestor that exists. */
  exact: boolean;
}

/**
 * Finds where a path starts in one YAML document, re-parsing the document's events on demand so
 * positions cost nothing for resources that never need one. Points at the key for mapping members,
 * which is the line a reader looks for.
 */
export function locatePath(documentText: string, path: readonly PathSegment[]): Located {
  return locatorFor(documentText)(path);
}

type Locator = (path: readonly PathSegment[]) => Located;

/** Findings are located resource by resource, so one cached document covers nearly every call. */
let cache: { text: string; locator: Locator } | undefined;

function locatorFor(documentText: string): Locator {
  if (cache !== undefined && cache.text === documentText) return cache.locator;
  const locator = createLocator(documentText);
  cache = { text: documentText, locator };
  return locator;
}

function createLocator(documentText: string): Locator {
  let events: Event[];
  try {
    events = parseEvents(documentText, {});
  } catch {
    return () => ({ offset: 0, exact: false });
  }
  const root = events.findIndex((e) => e.type !== EVENT_ID.DOCUMENT);
  return (path) => {
    if (root < 0) return { offset: 0, exact: false };
    let i = root;
    let best = startOf(events, i);
    for (const segment of path) {
      const found = findChild(documentText, events, i, segment);
      if (found === undefined) return { offset: best, exact: false };
      best = found.keyOffset ?? startOf(events, found.valueIndex);
      i = found.valueIndex;
    }
    return { offset: best, exact: true };
  };
}

function findChild(
  text: string,
  events: Event[],
  at: number,
  segment: PathSegment,
): { valueIndex: number; keyOffset?: number } | undefined {
  const event = events[at];
  if (event === undefined) return undefined;
  if (event.type === EVENT_ID.MAPPING && typeof segment === 'string') {
    let j = at + 1;
    while (j < events.length && events[j]?.type !== EVENT_ID.POP) {
      const key = events[j];
      const valueIndex = skipNode(events, j);
      if (key?.type === EVENT_ID.SCALAR && getScalarValue(text, key) === segment) {
        return { valueIndex, keyOffset: startOf(events, j) };
      }
      j = skipNode(events, valueIndex);
    }
    return undefined;
  }
  if (event.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
    let j = at + 1;
    for (let n = 0; j < events.length && events[j]?.type !== EVENT_ID.POP; n++) {
      if (n === segment) return { valueIndex: j };
      j = skipNode(events, j);
    }
  }
  return undefined;
}

/** Index just past the node starting at `at`. */
function skipNode(events: Event[], at: number): number {
  const event = events[at];
  if (event === undefined) return at;
  if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return at + 1;
  let depth = 0;
  for (let j = at; j < events.length; j++) {
    const type = events[j]?.type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) depth++;
    else if (type === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}

/** Offset where each document's root node starts, in document order. */
export function rootStarts(events: readonly Event[]): number[] {
  const starts: number[] = [];
  events.forEach((event, i) => {
    if (event.type === EVENT_ID.DOCUMENT) starts.push(startOf(events, i + 1));
  });
  return starts;
}

function startOf(events: readonly Event[], at: number): number {
  const event = events[at];
  if (event === undefined) return 0;
  const candidates: number[] = [];
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      candidates.push(event.anchorStart, event.tagStart, event.start);
      break;
    case EVENT_ID.SCALAR:
      candidates.push(event.anchorStart, event.tagStart, event.valueStart);
      break;
    case EVENT_ID.ALIAS:
      candidates.push(event.anchorStart);
      break;
    default:
      break;
  }
  const real = candidates.filter((c) => c >= 0);
  return real.length === 0 ? 0 : Math.min(...real);
}
