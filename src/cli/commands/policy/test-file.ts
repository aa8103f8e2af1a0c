import { BosunError, parseYamlStream } from '../../../kernel/index.js';
import { asArray, asObject, asString, isObject } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';

/** One expectation of a Kyverno Test (`results[]`). */
export interface Expectation {
  policy: string;
  rule: string | undefined;
  /** `name` or `namespace/name`. */
  resources: string[];
  kind: string;
  result: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | undefined;
  /** File of expected resources after the policy's mutate rules (relative to the test file). */
  patchedResources: string | undefined;
  /** A `patchedResources` file with no document for the resource fails the row instead of dropping it. */
  failOnMissingResources: boolean;
  /** Files of expected generated resources (`generatedResource` and `generatedResources`). */
  generatedResources: string[];
  /** File holding the source object of a `generate.clone` rule. */
  cloneSourceResource: string | undefined;
}

/** A decoded `cli.kyverno.io/v1alpha1` Test; paths already resolved by the caller. */
export interface TestFile {
  name: string;
  policies: string[];
  resources: string[];
  variables: string | undefined;
  values: JsonObject | undefined;
  userinfo: string | undefined;
  /** `kind: Context` file: `spec.resources` for `resource.Get/List`, `spec.images` for image metadata. */
  context: string | undefined;
  /** `kind: ClusterResource` files whose `spec.resources` back cluster lookups. */
  clusterResources: string[];
  /** PolicyException files. */
  exceptions: string[];
  /** Existing resources that `mutate.targets` rules select from. */
  targetResources: string[];
  /** Parameter objects for ValidatingAdmissionPolicy `paramKind`. */
  paramResources: string[];
  results: Expectation[];
}

const TOP_LEVEL = [
  'apiVersion', 'kind', 'metadata', 'policies', 'resources', 'variables', 'values', 'userinfo', 'exceptions',
  'targetResources', 'paramResources', 'context', 'clusterResources', 'apiCallResponses', 'globalContextEntries',
  'jsonPayloads', 'httpPayloads', 'envoyPayloads', 'results', 'checks',
];
const RESULT_FIELDS = [
  'policy', 'rule', 'resources', 'resourceSpecs', 'kind', 'result', 'patchedResources', 'generatedResource',
  'generatedResources', 'cloneSourceResource', 'operation', 'isValidatingPolicy', 'isMutatingPolicy',
  'isGeneratingPolicy', 'isValidatingAdmissionPolicy', 'isMutatingAdmissionPolicy', 'isImageValidatingPolicy',
  'isDeletingPolicy', 'failOnMissingResources',
];

/**
 * Decodes a kyverno-test.yaml the way the Kyverno CLI does: strictly (unknown fields are errors),
 * with field names matched case-insensitively (Go's encoding/json), and the pre-1.11 schema rejected.
 */
export function parseTestText(file: string, text: string): TestFile[] {
  const stream = parseYamlStream(text, { file });
  const first = stream.errors[0];
  if (first !== undefined) throw first;
  return stream.documents.map((doc) => {
    const fail = (message: string, path: Array<string | number> = []): BosunError => {
      const at = doc.locate(path);
      return new BosunError('config.invalid', message, { file, line: at.line, column: at.column });
    };
    if (!isObject(doc.value)) throw fail('a test document must be an object');
    if (doc.value['apiVersion'] === undefined || doc.value['kind'] === undefined || doc.value['name'] !== undefined) {
      throw fail('deprecated test schema: add apiVersion: cli.kyverno.io/v1alpha1 and kind: Test (see `kyverno fix test`)');
    }
    const raw = normaliseKeys(doc.value, TOP_LEVEL, (key) => fail(`unknown field "${key}" in test`, [key]));
    const results = asArray(raw['results']).map((r, i) => {
      if (!isObject(r)) throw fail('a result must be an object', ['results', i]);
      const res = normaliseKeys(r, RESULT_FIELDS, (key) => fail(`unknown field "${key}" in result`, ['results', i, key]));
      const op = asString(res['operation'])?.toUpperCase();
      const specs = asArray(res['resourceSpecs']).map((s) => {
        const spec = asObject(s);
        const ns = asString(spec?.['namespace']);
        const name = asString(spec?.['name']) ?? '';
        return ns === undefined || ns === '' ? name : `${ns}/${name}`;
      });
      return {
        policy: asString(res['policy']) ?? '',
        rule: asString(res['rule']),
        resources: [...asArray(res['resources']).map(String), ...specs],
        kind: asString(res['kind']) ?? '',
        result: asString(res['result']) ?? '',
        operation: op === 'CREATE' || op === 'UPDATE' || op === 'DELETE' ? op : undefined,
        patchedResources: asString(res['patchedResources']),
        failOnMissingResources: res['failOnMissingResources'] === true,
        generatedResources: [res['generatedResource'], res['generatedResources']].flat().filter((f): f is string => typeof f === 'string' && f !== ''),
        cloneSourceResource: asString(res['cloneSourceResource']),
      } satisfies Expectation;
    });
    return {
      name: asString(asObject(raw['metadata'])?.['name']) ?? '',
      policies: unique(asArray(raw['policies']).map(String)),
      resources: unique(asArray(raw['resources']).map(String)),
      variables: asString(raw['variables']),
      values: asObject(raw['values']),
      userinfo: asString(raw['userinfo']),
      context: asString(raw['context']),
      clusterResources: unique(asArray(raw['clusterResources']).map(String)),
      exceptions: unique(asArray(raw['exceptions']).map(String)),
      targetResources: unique(asArray(raw['targetResources']).map(String)),
      paramResources: unique(asArray(raw['paramResources']).map(String)),
      results,
    };
  });
}

function normaliseKeys(obj: JsonObject, known: readonly string[], unknown: (key: string) => BosunError): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const canonical = known.find((k) => k.toLowerCase() === key.toLowerCase());
    if (canonical === undefined) throw unknown(key);
    out[canonical] = value;
  }
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
