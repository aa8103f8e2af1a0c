import { asArray, asObject, asString, isObject, selectorMatches } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { RuleStatus } from '../../api.js';
import { evaluateConditions } from '../../conditions/index.js';
import { searchExpression } from '../../jmespath/index.js';
import type { ContextData } from '../../variables/index.js';
import { loadContextEntries, substitute, VariableError } from '../../variables/index.js';
import { runCelGenerate } from './generating-policy.js';

export interface GenerateOutcome {
  status: RuleStatus;
  message: string;
  /** The resources the rule would create (empty unless status is `pass`). */
  generated: JsonObject[];
}

/**
 * Runs a rule's `generate` block offline. ref. kyverno.io/docs "Generate Rules": `data` (the
 * object is `data` with apiVersion, kind, name and namespace from the rule), `clone` (a copy of an
 * existing source object, here taken from `sources`), `cloneList` (every source of the listed
 * kinds in a namespace, optionally filtered by a label selector) and `foreach` (one generate step
 * per list element). `synchronize` only matters to a live cluster and is ignored.
 */
export function runGenerate(ruleName: string, generate: JsonObject, data: ContextData, sources: readonly JsonObject[], libraries: Record<string, unknown> = {}): GenerateOutcome {
  // GeneratingPolicy: CEL expressions calling generator.Apply.
  const cel = asObject(generate['cel']);
  if (cel !== undefined) return runCelGenerate(ruleName, cel, data, libraries);
  try {
    const generated = generate['foreach'] !== undefined ? runForeach(asArray(generate['foreach']), data, sources, 0) : generateOne(generate, data, sources);
    if (generated.length === 0) return { status: 'skip', message: `rule ${ruleName} skipped: nothing to generate`, generated: [] };
    const names = generated.map((g) => `${String(g['kind'] ?? '')}/${describeName(g)}`).join(', ');
    return { status: 'pass', message: `generated ${names}`, generated };
  } catch (cause) {
    if (cause instanceof VariableError) throw cause;
    if (cause instanceof GenerateError) return { status: 'error', message: `rule ${ruleName}: ${cause.message}`, generated: [] };
    return { status: 'error', message: `rule ${ruleName}: failed to generate resource: ${cause instanceof Error ? cause.message : String(cause)}`, generated: [] };
  }
}

class GenerateError extends Error {}

function describeName(o: JsonObject): string {
  const meta = asObject(o['metadata']) ?? {};
  const ns = asString(meta['namespace']);
  const name = asString(meta['name']) ?? '';
  return ns === undefined || ns === '' ? name : `${ns}/${name}`;
}

/** One generate step (the rule's block or one foreach entry) with variables substituted. */
function generateOne(block: JsonObject, data: ContextData, sources: readonly JsonObject[]): JsonObject[] {
  // Substitute everything except nested foreach; `data` may hold `{{ }}` anywhere.
  const { foreach: _nested, ...rest } = block;
  const spec = asObject(substitute(rest, data)) ?? {};
  const apiVersion = asString(spec['apiVersion']) ?? '';
  const kind = asString(spec['kind']) ?? '';
  const name = asString(spec['name']);
  const namespace = asString(spec['namespace']);
  if (spec['data'] !== undefined) {
    if (kind === '' || name === undefined || name === '') throw new GenerateError('generate.data needs kind and name');
    const body = asObject(structuredClone(spec['data'])) ?? {};
    return [target(body, apiVersion, kind, name, namespace)];
  }
  const clone = asObject(spec['clone']);
  if (clone !== undefined) {
    if (kind === '' || name === undefined || name === '') throw new GenerateError('generate.clone needs kind and name');
    const srcNs = asString(clone['namespace']) ?? '';
    const srcName = asString(clone['name']) ?? '';
    const source = sources.find((s) => s['kind'] === kind && (apiVersion === '' || s['apiVersion'] === apiVersion) && nameOf(s) === srcName && namespaceOf(s) === srcNs);
    if (source === undefined) throw new GenerateError(`clone source ${kind} ${srcNs === '' ? '' : `${srcNs}/`}${srcName} not found (give it as cloneSourceResource)`);
    return [target(cleanSource(source), apiVersion === '' ? asString(source['apiVersion']) ?? '' : apiVersion, kind, name, namespace)];
  }
  const cloneList = asObject(spec['cloneList']);
  if (cloneList !== undefined) {
    const srcNs = asString(cloneList['namespace']) ?? '';
    const kinds = asArray(cloneList['kinds']).map(String);
    const selector = asObject(cloneList['selector']);
    const picked = sources.filter((s) => namespaceOf(s) === srcNs && kinds.some((k) => kindMatches(k, s)) && (selector === undefined || selectorMatches(selector, labelsOf(s))));
    return picked.map((s) => target(cleanSource(s), asString(s['apiVersion']) ?? '', asString(s['kind']) ?? '', nameOf(s), namespace));
  }
  throw new GenerateError('generate needs data, clone, cloneList or foreach');
}

/** Sets the generated object's identity from the rule; a cluster-scoped target has no namespace. */
function target(body: JsonObject, apiVersion: string, kind: string, name: string, namespace: string | undefined): JsonObject {
  const metadata = asObject(body['metadata']) ?? {};
  const out: JsonObject = { ...body, apiVersion, kind, metadata: { ...metadata, name } };
  const meta = out['metadata'] as JsonObject;
  if (namespace !== undefined && namespace !== '') meta['namespace'] = namespace;
  else delete meta['namespace'];
  // Keep apiVersion and kind first, as Kyverno prints them.
  const { apiVersion: a, kind: k, metadata: m, ...others } = out;
  return { apiVersion: a, kind: k, metadata: m, ...others };
}

/** A clone drops the server-set fields of its source. */
function cleanSource(source: JsonObject): JsonObject {
  const copy = structuredClone(source);
  const meta = asObject(copy['metadata']);
  if (meta !== undefined) {
    for (const key of ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation', 'selfLink', 'ownerReferences']) delete meta[key];
  }
  delete copy['status'];
  return copy;
}

function nameOf(o: JsonObject): string {
  return asString(asObject(o['metadata'])?.['name']) ?? '';
}

function namespaceOf(o: JsonObject): string {
  return asString(asObject(o['metadata'])?.['namespace']) ?? '';
}

function labelsOf(o: JsonObject): Record<string, string> {
  const labels = asObject(asObject(o['metadata'])?.['labels']) ?? {};
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
}

/** `Kind`, `version/Kind` or `group/version/Kind`. */
function kindMatches(spec: string, o: JsonObject): boolean {
  const parts = spec.split('/');
  const kind = parts[parts.length - 1];
  if (kind !== o['kind']) return false;
  if (parts.length === 1) return true;
  return parts.slice(0, -1).join('/') === o['apiVersion'];
}

/** foreach: each element (`element`, `elementIndex`) runs its entry's own generate step. */
function runForeach(entries: unknown[], data: ContextData, sources: readonly JsonObject[], depth: number): JsonObject[] {
  const out: JsonObject[] = [];
  for (const raw of entries) {
    const entry = asObject(raw);
    if (entry === undefined) continue;
    const listExpr = asString(entry['list']) ?? '';
    let list: unknown;
    try {
      list = searchExpression(data, String(substitute(listExpr.trim().replace(/^\{\{(.*)\}\}$/s, '$1'), data)));
    } catch (cause) {
      throw new VariableError(`failed to evaluate foreach list "${listExpr}": ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    if (list === null || list === undefined) continue;
    const items = Array.isArray(list) ? list : isObject(list) ? Object.entries(list).map(([key, value]) => ({ key, value })) : [list];
    items.forEach((item, i) => {
      const scope: ContextData = { ...data, element: item, elementIndex: i, [`element${depth}`]: item, [`elementIndex${depth}`]: i };
      loadContextEntries(entry['context'], scope);
      if (!evaluateConditions(entry['preconditions'], scope, 'empty').passed) return;
      const { list: _l, context: _c, preconditions: _p, ...step } = entry;
      if (step['foreach'] !== undefined && step['data'] === undefined && step['clone'] === undefined && step['cloneList'] === undefined) {
        out.push(...runForeach(asArray(step['foreach']), scope, sources, depth + 1));
      } else {
        out.push(...generateOne(step, scope, sources));
      }
    });
  }
  return out;
}
