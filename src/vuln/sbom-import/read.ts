import { BosunError, parseYamlStream } from '../../kernel/index.js';
import { readCycloneDx } from './cyclonedx/read.js';
import { detectFormat } from './detect.js';
import { jsonDocument, xmlDocument } from './document.js';
import { cycloneDxXml } from './cyclonedx/xml.js';
import { readSpdx } from './spdx/read.js';
import type { ImportedSbom } from './types.js';

/**
 * Reads a CycloneDX (1.4–1.6, JSON or XML) or SPDX (2.2, 2.3, JSON) SBOM back into an inventory, so `bosun sbom
 * inspect` and the vulnerability matcher work from another tool's SBOM as from a scan.
 * Malformed JSON and documents of neither format throw an `input.*` BosunError carrying the file
 * (and line:column for JSON errors); problems with single components become `errors`.
 */
export function readSbom(text: string, file: string): ImportedSbom {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') throw new BosunError('input.empty', 'the SBOM file is empty', { file });
  if (start.startsWith('<')) return readCycloneDx(xmlDocument(file, cycloneDxXml(body, file)));
  // ref. SPDX 2.3 Annex: tag-value documents start with `SPDXVersion: SPDX-2.x`.
  if (/^SPDXVersion:/.test(start)) {
    throw new BosunError('input.json', 'SPDX tag-value documents are not supported; expected SPDX JSON (or CycloneDX JSON)', { file, line: 1, column: 1 });
  }
  const stream = parseYamlStream(body, { file, json: true });
  const parsed = stream.documents[0];
  if (stream.errors[0] !== undefined) throw stream.errors[0];
  if (parsed === undefined) throw new BosunError('input.empty', 'the SBOM file is empty', { file });
  const detected = detectFormat(parsed.value);
  if ('problem' in detected) throw new BosunError('input.json', detected.problem, { file, ...parsed.position });
  const doc = jsonDocument(file, parsed);
  return detected.format === 'cyclonedx' ? readCycloneDx(doc) : readSpdx(doc);
}
