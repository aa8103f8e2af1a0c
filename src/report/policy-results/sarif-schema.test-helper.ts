import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 JSON schema (draft-04), read in place from @microsoft/jest-sarif, set up
 * as the scan report's SARIF writer test does.
 */
export function sarifValidator(): (value: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const schema: unknown = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // unicodeRegExp false: the schema's `language` pattern has a stray `]`, legal only without the u flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  // uri / uri-reference formats: GitHub's upload rejects URIs that fail them.
  addFormats.default(ajv);
  const validate = ajv.compile(schema as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
