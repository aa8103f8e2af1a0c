/**
 * Validates reports against the PolicyReport CRDs Kyverno installs, read in place from
 * ../shared/conformance/crds/ (see its README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { sharedCorpus } from '../../../test/support/corpus.js';

type Schema = Record<string, unknown>;

/** The `wgpolicyk8s.io` CRD files Kyverno ships, by the kind they define. */
const CRD_FILES = {
  PolicyReport: 'wgpolicyk8s.io/kyverno/wgpolicyk8s.io_policyreports.yaml',
  ClusterPolicyReport: 'wgpolicyk8s.io/kyverno/wgpolicyk8s.io_clusterpolicyreports.yaml',
} as const;

export type ReportKind = keyof typeof CRD_FILES;

/** `spec.versions[name=<version>].schema.openAPIV3Schema` of a CRD. */
export function crdSchema(kind: ReportKind, version = 'v1alpha2'): Schema {
  const crd = parse(readFileSync(join(sharedCorpus('crds'), CRD_FILES[kind]), 'utf8')) as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: Schema } }> } };
  const found = crd.spec.versions.find((v) => v.name === version);
  if (found === undefined) throw new Error(`${CRD_FILES[kind]} has no version ${version}`);
  return found.schema.openAPIV3Schema;
}

/**
 * The API server prunes fields a structural schema does not declare, silently. To catch a field
 * that would be dropped, every object schema with `properties` is closed here
 * (`additionalProperties: false`) unless it keeps unknown fields or declares a map.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, closeObjects(v)])) : closeObjects(value);
  if (out['properties'] !== undefined && out['additionalProperties'] === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) out['additionalProperties'] = false;
  return out;
}

/** A validator for one kind; returns the schema errors (empty when valid). */
export function reportValidator(kind: ReportKind): (value: unknown) => string[] {
  // strict false: the schema carries Kubernetes keywords (x-kubernetes-*) Ajv does not know.
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  // int32 / int64 formats on the timestamp fields.
  addFormats.default(ajv);
  const validate = ajv.compile(closeObjects(crdSchema(kind)) as Schema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}
