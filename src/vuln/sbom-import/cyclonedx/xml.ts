import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BosunError } from '../../../kernel/index.js';

/**
 * CycloneDX XML, turned into the JSON shape the JSON reader validates, so one reader serves both.
 * ref. CycloneDX 1.6 XSD: the spec version is in the namespace (`http://cyclonedx.org/schema/bom/1.6`),
 * `type` and `bom-ref` are attributes, lists are wrapper elements (`<components><component>`,
 * `<properties><property name="…">value</property>`, `<occurrences><occurrence>`).
 */
const LISTS = new Set(['component', 'property', 'occurrence']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Versions such as `1.10` must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue | undefined;
}

function isObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of an element: a bare string, or `#text` of an element that also has attributes. */
function text(value: XmlValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) return typeof value['#text'] === 'string' ? value['#text'] : '';
  return undefined;
}

function list(wrapper: XmlValue | undefined, item: string): XmlValue[] {
  if (!isObject(wrapper)) return [];
  const items = wrapper[item];
  return Array.isArray(items) ? items : [];
}

/** Returns the JSON-shaped BOM, or throws an input error with the line and column of malformed XML. */
export function cycloneDxXml(xml: string, file: string): unknown {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BosunError('input.read', `malformed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  const root: unknown = parser.parse(xml);
  const bom = isObject(root) ? root['bom'] : undefined;
  // The parser drops namespace declarations along with prefixes, so the version is read from the root tag.
  const version = /<(?:[\w.-]+:)?bom\b[^>]*\bxmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)["']/.exec(xml)?.[1];
  if (!isObject(bom) || version === undefined) {
    throw new BosunError('input.read', 'not an SBOM: expected a CycloneDX XML <bom> in the http://cyclonedx.org/schema/bom/<version> namespace', { file });
  }
  const metadata = bom['metadata'];
  const subject = isObject(metadata) ? metadata['component'] : undefined;
  const subjectObject = Array.isArray(subject) ? subject[0] : subject;
  return {
    bomFormat: 'CycloneDX',
    specVersion: version,
    ...(isObject(subjectObject) ? { metadata: { component: component(subjectObject) } } : {}),
    components: list(bom['components'], 'component').map(component),
  };
}

function component(value: XmlValue): Record<string, unknown> {
  if (!isObject(value)) return {};
  const out: Record<string, unknown> = {};
  for (const key of ['type', 'bom-ref', 'name', 'group', 'version', 'description', 'scope', 'purl']) {
    const field = text(value[key]);
    if (field !== undefined) out[key] = field;
  }
  const properties = list(value['properties'], 'property').map((p) => ({ name: isObject(p) ? text(p['name']) : undefined, value: text(p) }));
  if (properties.length > 0) out['properties'] = properties;
  const evidence = value['evidence'];
  const occurrences = list(isObject(evidence) ? evidence['occurrences'] : undefined, 'occurrence').map((o) => {
    const line = isObject(o) ? Number.parseInt(text(o['line']) ?? '', 10) : Number.NaN;
    return { location: isObject(o) ? text(o['location']) : text(o), ...(Number.isNaN(line) ? {} : { line }) };
  });
  if (occurrences.length > 0) out['evidence'] = { occurrences };
  const nested = list(value['components'], 'component');
  if (nested.length > 0) out['components'] = nested.map(component);
  return out;
}
