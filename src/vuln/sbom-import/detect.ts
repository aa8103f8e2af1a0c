/** What a parsed JSON value is, or what it is not. */
export type Detected = { format: 'cyclonedx' } | { format: 'spdx' } | { problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * By the fields each specification makes mandatory and fixed: CycloneDX `bomFormat: "CycloneDX"`
 * (ref. CycloneDX 1.6 JSON schema), SPDX 2.x `spdxVersion: "SPDX-2.x"` (ref. SPDX 2.3 §6.1).
 */
export function detectFormat(value: unknown): Detected {
  const expected = 'expected a CycloneDX JSON BOM (bomFormat "CycloneDX") or an SPDX 2.2/2.3 JSON document (spdxVersion "SPDX-2.3")';
  if (!isRecord(value)) return { problem: `not an SBOM: the JSON is ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`}; ${expected}` };
  if (value['bomFormat'] === 'CycloneDX') return { format: 'cyclonedx' };
  const spdxVersion = value['spdxVersion'];
  if (typeof spdxVersion === 'string' && spdxVersion.startsWith('SPDX-2.')) return { format: 'spdx' };
  // ref. SPDX 3.0 JSON-LD serialisation: an @context naming the SPDX 3 vocabulary.
  if (typeof value['@context'] === 'string' && value['@context'].includes('spdx.org/rdf/3')) {
    return { problem: 'SPDX 3 documents are not supported yet; export SPDX 2.3 JSON instead' };
  }
  return { problem: `not an SBOM: ${expected}` };
}
