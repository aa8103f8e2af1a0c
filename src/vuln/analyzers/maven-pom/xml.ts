import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createLineIndex } from '../../../kernel/index.js';

/** An XML element reduced to what a POM needs: name, child elements, text and its line. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Concatenated, trimmed text content. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export type XmlReadResult = { ok: true; root: XmlElement } | { ok: false; line?: number; message: string };

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});
// The library types the symbol as `Symbol` (the wrapper object type); it is a primitive symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

export function readXml(text: string): XmlReadResult {
  let nodes: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { ok: false, line: valid.err.line, message: `malformed XML: ${valid.err.msg}` };
    nodes = parser.parse(text);
  } catch (error) {
    return { ok: false, message: `malformed XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const lines = createLineIndex(text);
  const root = toElements(nodes, (offset) => lines.position(offset).line)[0];
  if (root === undefined) return { ok: false, message: 'no XML root element' };
  return { ok: true, root };
}

/** Converts fast-xml-parser's ordered form (`[{ tag: [children], [META]: { startIndex } }, { '#text': 'x' }]`). */
function toElements(nodes: unknown, lineOf: (offset: number) => number): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const entry = Object.entries(node).find(([key]) => key !== '#text' && key !== ':@');
    if (entry === undefined) continue;
    const [name, content] = entry;
    const meta: unknown = (node as Record<symbol, unknown>)[META];
    const offset = typeof meta === 'object' && meta !== null && 'startIndex' in meta && typeof meta.startIndex === 'number' ? meta.startIndex : 0;
    const children = Array.isArray(content) ? content : [];
    const text = children
      .map((c: unknown) => (typeof c === 'object' && c !== null && '#text' in c ? String(c['#text']) : ''))
      .join('')
      .trim();
    elements.push({ name: localName(name), children: toElements(children, lineOf), text, line: lineOf(offset) });
  }
  return elements;
}

/** POMs use a default namespace, but a prefixed one (`<pom:project>`) means the same element. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element === undefined ? [] : element.children.filter((c) => c.name === name);
}

/** Text of a direct child, or undefined when the child is absent. */
export function childText(element: XmlElement, name: string): string | undefined {
  return child(element, name)?.text;
}
