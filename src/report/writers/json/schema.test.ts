import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { loadText } from '../../../adapters/manifests/index.js';
import { auditResources, parseSelection } from '../../../checks/index.js';
import { totalsOf } from '../../totals.js';
import type { ScanReport } from '../../types.js';
import { emptyReport, fixtureReport } from '../fixture.test-helper.js';
import { JSON_REPORT_SCHEMA, jsonWriter } from './index.js';

/** docs/schemas/report-v1.schema.json, read in place (this file runs from dist/src/report/writers/json/). */
const SCHEMA_PATH = fileURLToPath(new URL('../../../../../docs/schemas/report-v1.schema.json', import.meta.url));
const DOC_PATH = fileURLToPath(new URL('../../../../../docs/json-report.md', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The published schema allows unknown properties (v1 only ever adds fields). The test closes
 * every object schema that lists its properties, so a field the writer emits but the schema and
 * docs do not describe fails here instead of going undocumented.
 */
function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' || key === 'definitions' ? mapValues(value, closed) : closed(value);
  if ('properties' in schema && !('additionalProperties' in schema)) out['additionalProperties'] = false;
  return out;
}

function mapValues(value: Json, f: (v: Json) => Json): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
}

function validator(strict: boolean): (report: unknown) => string[] {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Json;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(strict ? (closed(schema) as object) : (schema as object));
  return (report) => (validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

/** A report from the real pipeline: YAML with positions, every check family, passes included. */
function realReport(): ScanReport {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: web, namespace: shop }',
    'spec:',
    '  template:',
    '    spec:',
    '      hostNetwork: true',
    '      containers:',
    '        - name: app',
    '          image: nginx:latest',
    '          securityContext: { privileged: true }',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: ok, namespace: shop }',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: registry.example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000',
    '      securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }',
    '---',
    'kind: [unclosed',
    '',
  ].join('\n');
  const loaded = loadText('shop.yaml', text);
  const outcome = auditResources({ resources: loaded.resources, selection: parseSelection(['all']), includePassed: true });
  return {
    tool: { name: 'bosun', version: '0.1.0', informationUri: 'https://github.com/bosun-dev/bosun' },
    command: 'scan config',
    generatedAt: '2025-01-02T03:04:05.000Z',
    inputs: { files: ['shop.yaml'], resources: loaded.resources.length },
    findings: outcome.findings,
    summaries: outcome.summaries,
    diagnostics: loaded.diagnostics,
    totals: totalsOf(outcome.findings),
  };
}

describe('json report schema (docs/schemas/report-v1.schema.json)', () => {
  const published = validator(false);
  const strict = validator(true);

  it('names itself with the id the writer puts in $schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $id?: string };
    assert.equal(schema.$id, JSON_REPORT_SCHEMA);
  });

  it('accepts a report from the real pipeline, with no undocumented field', () => {
    const report = realReport();
    assert.ok(report.findings.some((f) => f.status === 'fail'), 'the manifest produces failures');
    assert.ok(report.findings.some((f) => f.status === 'pass'), 'and passes');
    assert.ok(report.diagnostics.length > 0, 'and an input error');
    const document: unknown = JSON.parse(jsonWriter.write(report));
    assert.deepEqual(published(document), []);
    assert.deepEqual(strict(document), []);
  });

  it('accepts the shared fixture (skips, suppressions, scores, no location) and an empty report', () => {
    for (const report of [fixtureReport(), emptyReport()]) {
      const document: unknown = JSON.parse(jsonWriter.write(report));
      assert.deepEqual(strict(document), []);
    }
  });

  it('accepts the example in docs/json-report.md', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync(DOC_PATH, 'utf8'))?.[1];
    assert.ok(example !== undefined, 'the doc has a json example');
    assert.deepEqual(strict(JSON.parse(example)), []);
  });

  it('rejects what it should', () => {
    const document = JSON.parse(jsonWriter.write(fixtureReport())) as { findings: Array<{ severity: string; location?: { line: number } }> };
    const [first] = document.findings;
    assert.ok(first?.location !== undefined);
    first.severity = 'severe';
    first.location.line = 0;
    const errors = published(document);
    assert.ok(errors.some((e) => e.startsWith('/findings/0/severity')));
    assert.ok(errors.some((e) => e.startsWith('/findings/0/location/line')));
    assert.ok(strict({ ...document, extra: true }).some((e) => e.includes('must NOT have additional properties')));
    const nested = JSON.parse(jsonWriter.write(fixtureReport())) as { findings: Array<{ subject: Record<string, unknown> }> };
    const subject = nested.findings[0]?.subject;
    assert.ok(subject !== undefined);
    subject['uid'] = 'x';
    assert.ok(strict(nested).some((e) => e.startsWith('/findings/0/subject ')), 'nested objects are closed too');
    assert.deepEqual(published({ ...document, findings: [], extra: true }), [], 'the published schema tolerates additions');
  });
});
