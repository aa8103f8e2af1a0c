import { BosunError, parseYamlStream } from '../../kernel/index.js';
import { readCycloneDx } from './cyclonedx/read.js';
import { cycloneDxXml } from './cyclonedx/xml.js';
import { detectFormat } from './detect.js';
import { jsonDocument, xmlDocument } from './document.js';
import { readSpdx } from './spdx/read.js';
import { spdxTagValue } from './spdx/tag-value.js';
import type { ImportedSbom } from './types.js';

/**
 * Reads an SBOM back into an inventory, so `bosun sbom inspect` and the vulnerability matcher work
 * from another tool's SBOM as from a scan: CycloneDX 1.4–1.6 (JSON or XML), SPDX 2.2 / 2.3 (JSON or
 * tag-value). Malformed input and documents of neither format throw an `input.*` BosunError with
 * the file (and line:column where the parser gives one); problems with single components become
 * `errors`, and components without an ecosystem are kept in `unidentified`.
 */
export function readSbom(text: string, file: string): ImportedSbom {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') throw new BosunError('input.empty', 'the SBOM file is empty', { file });
  if (start.startsWith('<')) return readCycloneDx(xmlDocument(file, cycloneDxXml(body, file)));
  // ref. SPDX 2.3 tag-value format: `Tag: value` lines, one of them `SPDXVersion: SPDX-2.x`.
  if (!start.startsWith('{') && !start.startsWith('[') && /^SPDXVersion:\s*SPDX-/m.test(start)) return readSpdx(spdxTagValue(body, file));
  const stream = parseYamlStream(body, { file, json: true });
  if (stream.errors[0] !== undefined) throw stream.errors[0];
  const parsed = stream.documents[0];
  if (parsed === undefined) throw new BosunError('input.empty', 'the SBOM file is empty', { file });
  const detected = detectFormat(parsed.value);
  if ('problem' in detected) throw new BosunError('input.json', detected.problem, { file, ...parsed.position });
  const doc = jsonDocument(file, parsed);
  return detected.format === 'cyclonedx' ? readCycloneDx(doc) : readSpdx(doc);
}
