/**
 * The CycloneDX 1.6 JSON schema as the @cyclonedx/cyclonedx-library package ships it (with the SPDX
 * license-id and JSF signature schemas it references), compiled once for the writer tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const SCHEMA_DIR = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');

function schema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
}

/**
 * The bom schema refers to its companions by file name relative to its own $id, while each
 * companion's $id names it without `.SNAPSHOT`; registering them under the resolved name (and
 * without their $id) makes the references resolve offline.
 */
function companion(name: string): [Record<string, unknown>, string] {
  const { $id: _id, ...rest } = schema(name);
  return [rest, `http://cyclonedx.org/schema/${name}`];
}

let compiled: ValidateFunction | undefined;

/**
 * strict mode off: the official schemas use keywords and formats (`meta:enum`, `examples` in odd
 * places) that Ajv's strict mode rejects although they are valid JSON Schema draft-07.
 */
export function cycloneDx16Validator(): ValidateFunction {
  if (compiled !== undefined) return compiled;
  const ajv = new Ajv({ strict: false });
  addFormats.default(ajv);
  // Formats ajv-formats lacks; checked loosely (ref. RFC 3987 IRI-reference, RFC 6531 mailbox).
  ajv.addFormat('iri-reference', /^\S*$/);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
  ajv.addSchema(...companion('spdx.SNAPSHOT.schema.json'));
  ajv.addSchema(...companion('jsf-0.82.SNAPSHOT.schema.json'));
  compiled = ajv.compile(schema('bom-1.6.SNAPSHOT.schema.json'));
  return compiled;
}
