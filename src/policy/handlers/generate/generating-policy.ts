import { Environment } from '@marcbachmann/cel-js';
import type { PathSegment } from '../../../kernel/index.js';
import { asArray, asObject, asString } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { RuleStatus } from '../../api.js';
import { normaliseCel, registerKyvernoLibraries } from '../../cel/index.js';
import { LookupError } from '../../ports.js';
import type { ContextData } from '../../variables/index.js';

/** A problem found while converting a policy, at a path inside the document. */
export interface GeneratingPolicyProblem {
  path: PathSegment[];
  reason: string;
}

/**
 * A `policies.kyverno.io` GeneratingPolicy as one engine rule named after the policy: the
 * admission-style `matchConstraints` as its match, `matchConditions` as CEL preconditions, and
 * `variables` plus the `generate` expressions as a `generate.cel` block.
 * ref. kyverno.io/docs "GeneratingPolicy". `evaluation.synchronize` only matters to a cluster.
 */
export function generatingPolicyRules(name: string, spec: JsonObject): { rules: JsonObject[]; problems: GeneratingPolicyProblem[] } {
  const problems: GeneratingPolicyProblem[] = [];
  for (const list of ['matchConditions', 'variables', 'generate']) {
    asArray(spec[list]).forEach((raw, i) => {
      const expression = asString(asObject(raw)?.['expression']);
      if (expression === undefined) return;
      try {
        compileGenerateCel(expression);
      } catch (cause) {
        problems.push({ path: ['spec', list, i, 'expression'], reason: `invalid CEL expression: ${firstLine(cause)}` });
      }
    });
  }
  if (asArray(spec['generate']).length === 0) problems.push({ path: ['spec', 'generate'], reason: 'spec.generate must list at least one expression' });
  const constraints = asObject(spec['matchConstraints']) ?? {};
  const filter: JsonObject = { resourceRules: constraints['resourceRules'] ?? [] };
  if (constraints['namespaceSelector'] !== undefined) filter['namespaceSelector'] = constraints['namespaceSelector'];
  if (constraints['objectSelector'] !== undefined) filter['objectSelector'] = constraints['objectSelector'];
  const rule: JsonObject = { name, match: { any: [filter] }, generate: { cel: { variables: spec['variables'] ?? [], generate: spec['generate'] ?? [] } } };
  if (constraints['excludeResourceRules'] !== undefined) rule['exclude'] = { any: [{ resourceRules: constraints['excludeResourceRules'] }] };
  if (spec['matchConditions'] !== undefined) rule['celPreconditions'] = spec['matchConditions'];
  return { rules: [rule], problems };
}

class Generator {}

/** Downstream objects `generator.Apply` collected during the current evaluation. */
let collected: JsonObject[] | undefined;
let environment: Environment | undefined;

/**
 * The admission CEL environment plus Kyverno's generator library: `generator.Apply(namespace,
 * downstreams)` creates each object of the list in that namespace (ref. kyverno.io/docs "CEL
 * libraries › Generator"). Offline, the objects are collected instead of created.
 */
function generatorEnvironment(): Environment {
  if (environment === undefined) {
    environment = new Environment({ enableOptionalTypes: true, unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
    registerKyvernoLibraries(environment);
    environment.registerType('Generator', Generator);
    environment.registerConstant('generator', 'Generator', new Generator());
    environment.registerFunction('Generator.Apply(string, list): bool', (_self: unknown, namespace: string, list: unknown[]) => {
      for (const item of list) {
        const object = asObject(toJson(item));
        if (object === undefined) throw new Error('generator.Apply: every downstream must be an object');
        const metadata = { ...(asObject(object['metadata']) ?? {}) };
        if (namespace !== '') metadata['namespace'] = namespace;
        collected?.push({ ...object, metadata });
      }
      return true;
    });
  }
  return environment;
}

const programs = new Map<string, ReturnType<Environment['parse']>>();

/** Parses once per distinct expression (at load), reused for every resource. */
function compileGenerateCel(expression: string): ReturnType<Environment['parse']> {
  let program = programs.get(expression);
  if (program === undefined) {
    program = generatorEnvironment().parse(normaliseCel(expression));
    programs.set(expression, program);
  }
  return program;
}

/** CEL values (Map, bigint, typed wrappers) as plain JSON. */
function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toJson(v)]));
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Set) return [...value].map(toJson);
  if (value !== null && typeof value === 'object') {
    if (typeof (value as { valueOf?: () => unknown }).valueOf === 'function' && (value as { valueOf: () => unknown }).valueOf() !== value) return toJson((value as { valueOf: () => unknown }).valueOf());
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
}

/**
 * Runs a GeneratingPolicy's `generate` expressions with `object`, `oldObject`, `request` and
 * lazily computed `variables`; what `generator.Apply` received is the rule's generated resources.
 */
export function runCelGenerate(ruleName: string, cel: JsonObject, data: ContextData, libraries: Record<string, unknown> = {}): { status: RuleStatus; message: string; generated: JsonObject[] } {
  const request = asObject(data['request']) ?? {};
  const variables: Record<string, unknown> = {};
  const activation: Record<string, unknown> = { ...libraries, object: request['object'] ?? null, oldObject: request['oldObject'] ?? null, request, namespaceObject: null, variables };
  const evaluate = (expression: string): unknown => compileGenerateCel(expression)(activation);
  for (const raw of asArray(cel['variables'])) {
    const name = asString(asObject(raw)?.['name']);
    const expression = asString(asObject(raw)?.['expression']);
    if (name === undefined || expression === undefined) continue;
    let cached: { value: unknown } | undefined;
    Object.defineProperty(variables, name, { enumerable: true, get: () => (cached ??= { value: evaluate(expression) }).value });
  }
  const generated: JsonObject[] = [];
  const previous = collected;
  collected = generated;
  try {
    for (const raw of asArray(cel['generate'])) {
      const expression = asString(asObject(raw)?.['expression']);
      if (expression === undefined) continue;
      evaluate(expression);
    }
  } catch (cause) {
    if (cause instanceof LookupError) return { status: 'error', message: `policy ${ruleName}: ${cause.message}`, generated: [] };
    return { status: 'error', message: `policy ${ruleName}: generate expression failed: ${firstLine(cause)}`, generated: [] };
  } finally {
    collected = previous;
  }
  if (generated.length === 0) return { status: 'skip', message: `policy ${ruleName}: nothing to generate`, generated: [] };
  return { status: 'pass', message: `generated ${generated.map((g) => `${String(g['kind'] ?? '')}/${String(asObject(g['metadata'])?.['name'] ?? '')}`).join(', ')}`, generated };
}
