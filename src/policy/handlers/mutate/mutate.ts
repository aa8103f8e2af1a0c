import { parse as parseYaml } from 'yaml';
import { asArray, asObject, asString, isObject } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { RuleStatus } from '../../api.js';
import { evaluateConditions } from '../../conditions/index.js';
import { searchExpression } from '../../jmespath/index.js';
import type { ContextData } from '../../variables/index.js';
import { loadContextEntries, substitute, VariableError } from '../../variables/index.js';
import { CONDITION_FAILED, GlobalAnchorSkip, resolveAnchors } from './anchors.js';
import { applyJsonPatch, deepEqual } from './json-patch.js';
import type { JsonPatchOperation } from './json-patch.js';
import { strategicMerge } from './strategic-merge.js';

export interface MutateOutcome {
  status: RuleStatus;
  message: string;
  /** The resource after the rule (the input unchanged unless status is `pass`). */
  patched: JsonObject;
}

/** Values a Values file gives each foreach iteration: `foreachValues: {name: [v0, v1, ...]}`. */
export type MutateForeachValues = JsonObject;

/**
 * Runs a rule's `mutate` block on `request.object` (or on `target`, for mutate-existing rules). ref. kyverno.io/docs "Mutate Rules":
 * patchStrategicMerge (with overlay anchors), patchesJson6902 and foreach. A rule that changes
 * nothing is reported `skip` ("no patches applied"), as Kyverno does; a changed resource is `pass`.
 */
export function runMutate(ruleName: string, mutate: JsonObject, data: ContextData, foreachValues: MutateForeachValues, target?: JsonObject): MutateOutcome {
  const request = asObject(data['request']);
  const original = target ?? asObject(request?.['object']) ?? {};
  // Nothing to mutate on DELETE: the request has no object (an existing target still has one).
  if (target === undefined && request?.['operation'] === 'DELETE') return { status: 'skip', message: `rule ${ruleName} skipped: nothing to mutate on DELETE`, patched: original };
  let patched: JsonObject;
  try {
    if (mutate['foreach'] !== undefined) {
      const outcome = runForeach(asArray(mutate['foreach']), original, data, foreachValues, 0);
      patched = outcome;
    } else {
      const result = applyPatches(mutate, original, data);
      if (result === CONDITION_FAILED) return { status: 'skip', message: `rule ${ruleName} skipped: conditional anchor did not match`, patched: original };
      patched = result;
    }
  } catch (cause) {
    if (cause instanceof GlobalAnchorSkip) return { status: 'skip', message: `rule ${ruleName} skipped: ${cause.message}`, patched: original };
    if (cause instanceof VariableError) throw cause;
    return { status: 'error', message: `rule ${ruleName}: failed to patch resource: ${cause instanceof Error ? cause.message : String(cause)}`, patched: original };
  }
  if (deepEqual(patched, original)) return { status: 'skip', message: `rule ${ruleName} skipped: no patches applied`, patched: original };
  return { status: 'pass', message: `mutated ${String(original['kind'] ?? 'resource')}/${String(asObject(original['metadata'])?.['name'] ?? '')}`, patched };
}

/** One patchStrategicMerge and/or patchesJson6902 step on `resource`, variables from `data`. */
function applyPatches(block: JsonObject, resource: JsonObject, data: ContextData): JsonObject | typeof CONDITION_FAILED {
  let current = resource;
  if (block['patchStrategicMerge'] !== undefined) {
    const overlay = substitute(block['patchStrategicMerge'], data);
    const patch = resolveAnchors(overlay, current);
    if (patch === CONDITION_FAILED) return CONDITION_FAILED;
    current = asObject(strategicMerge(current, patch)) ?? current;
  }
  if (block['patchesJson6902'] !== undefined) {
    current = asObject(applyJsonPatch(current, jsonPatchOperations(block['patchesJson6902'], data))) ?? {};
  }
  return current;
}

/** `patchesJson6902` is a YAML (or JSON) string holding a list of operations. */
export function jsonPatchOperations(raw: unknown, data: ContextData): JsonPatchOperation[] {
  const substituted = substitute(typeof raw === 'string' ? raw : raw, data);
  const parsed: unknown = typeof substituted === 'string' ? parseYaml(substituted) : substituted;
  return asArray(parsed).map((op, i) => {
    const o = asObject(op);
    const name = asString(o?.['op']);
    const path = asString(o?.['path']);
    if (o === undefined || name === undefined || path === undefined) throw new Error(`patchesJson6902 operation ${i} needs op and path`);
    const out: JsonPatchOperation = { op: name, path };
    if (Object.hasOwn(o, 'value')) out.value = o['value'];
    const from = asString(o['from']);
    if (from !== undefined) out.from = from;
    return out;
  });
}

/**
 * foreach: the list (a JMESPath expression, braces optional) is read once; each element, exposed as
 * `element`/`elementIndex` (and `element<depth>`), patches the resource as left by the previous one.
 * `order: Descending` walks the list backwards, which keeps JSON patch indices valid when removing;
 * without `order`, strategic merge entries go backwards and JSON patch entries forwards.
 */
function runForeach(entries: unknown[], resource: JsonObject, data: ContextData, foreachValues: MutateForeachValues, depth: number): JsonObject {
  let current = resource;
  for (const raw of entries) {
    const entry = asObject(raw);
    if (entry === undefined) continue;
    const listExpr = asString(entry['list']) ?? '';
    let list: unknown;
    try {
      list = searchExpression(withObject(data, current), String(substitute(listExpr.trim().replace(/^\{\{(.*)\}\}$/s, '$1'), withObject(data, current))));
    } catch (cause) {
      throw new VariableError(`failed to evaluate foreach list "${listExpr}": ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    if (list === null || list === undefined) continue;
    const items = Array.isArray(list) ? list : isObject(list) ? Object.entries(list).map(([key, value]) => ({ key, value })) : [list];
    const order = items.map((_, i) => i);
    // Kyverno walks patchStrategicMerge foreach lists backwards unless `order` says otherwise.
    const descending = entry['order'] === undefined ? entry['patchStrategicMerge'] !== undefined : entry['order'] === 'Descending';
    if (descending) order.reverse();
    for (const i of order) {
      const scope: ContextData = { ...withObject(data, current), element: items[i], elementIndex: i, [`element${depth}`]: items[i], [`elementIndex${depth}`]: i };
      for (const [name, values] of Object.entries(foreachValues)) {
        if (Array.isArray(values) && i < values.length) scope[name] = values[i];
      }
      loadContextEntries(entry['context'], scope);
      if (!evaluateConditions(entry['preconditions'], scope, 'empty').passed) continue;
      if (entry['foreach'] !== undefined) {
        current = runForeach(asArray(entry['foreach']), current, scope, foreachValues, depth + 1);
        continue;
      }
      const result = applyPatches(entry, current, scope);
      if (result !== CONDITION_FAILED) current = result;
    }
  }
  return current;
}

/** The context with `request.object` replaced by the resource patched so far. */
function withObject(data: ContextData, object: JsonObject): ContextData {
  const request = asObject(data['request']) ?? {};
  return { ...data, request: { ...request, object } };
}
