import { asArray, asObject, asString, isObject, selectorMatches, stringMap } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import type { ResultResource, RuleStatus } from '../../api.js';
import { evaluateConditions, wildcardMatch } from '../../conditions/index.js';
import { pluralOf } from '../../match/index.js';
import type { PolicyLookups } from '../../ports.js';
import type { ContextData } from '../../variables/index.js';
import { loadContextEntries, substitute } from '../../variables/index.js';
import type { MutateForeachValues } from './mutate.js';
import { runMutate } from './mutate.js';

/** What a mutate-existing rule did to one target. */
export interface TargetOutcome {
  resource: ResultResource;
  status: RuleStatus;
  message: string;
  /** The target after the patch (`pass` only). */
  patched?: JsonObject;
}

/**
 * `mutate.targets` (mutate existing resources), ref. kyverno.io/docs "Mutate Existing resources":
 * each entry selects existing objects by apiVersion, kind, namespace, name (wildcards) and label
 * selector — `{{ }}` in those fields reads the trigger's request — then, per target, loads the
 * entry's `context`, checks its `preconditions` and applies the rule's patches to it. The patches
 * see the target as `target` and the trigger as `request.object`. Targets come from `lookups`
 * (the CLI's loaded resources, a cluster client elsewhere).
 */
export function runMutateTargets(ruleName: string, mutate: JsonObject, data: ContextData, foreachValues: MutateForeachValues, lookups: PolicyLookups): TargetOutcome[] {
  const patches: JsonObject = { ...mutate };
  delete patches['targets'];
  const out: TargetOutcome[] = [];
  for (const raw of asArray(mutate['targets'])) {
    const spec = asObject(raw);
    if (spec === undefined) continue;
    for (const target of selectTargets(spec, data, lookups)) {
      const metadata = asObject(target['metadata']);
      const resource: ResultResource = { apiVersion: asString(target['apiVersion']) ?? '', kind: asString(target['kind']) ?? '', namespace: asString(metadata?.['namespace']), name: asString(metadata?.['name']) ?? '' };
      const targetData: ContextData = { ...data, target };
      loadContextEntries(spec['context'], targetData);
      if (!evaluateConditions(spec['preconditions'], targetData, 'empty').passed) {
        out.push({ resource, status: 'skip', message: `rule ${ruleName} skipped: target preconditions not met` });
        continue;
      }
      const outcome = runMutate(ruleName, patches, targetData, foreachValues, target);
      out.push(outcome.status === 'pass' ? { resource, status: 'pass', message: outcome.message, patched: outcome.patched } : { resource, status: outcome.status, message: outcome.message });
    }
  }
  return out;
}

function selectTargets(spec: JsonObject, data: ContextData, lookups: PolicyLookups): JsonObject[] {
  const fields = asObject(substitute({ apiVersion: spec['apiVersion'], kind: spec['kind'], namespace: spec['namespace'], name: spec['name'], selector: spec['selector'] }, data)) ?? {};
  const apiVersion = asString(fields['apiVersion']) ?? '';
  const kind = asString(fields['kind']) ?? '';
  const namespace = asString(fields['namespace']) ?? '';
  const name = asString(fields['name']);
  const candidates = lookups.listResources(apiVersion, pluralOf(kind), namespace) ?? [];
  return candidates.filter((o) => {
    const metadata = asObject(o['metadata']);
    if (asString(o['kind']) !== kind) return false;
    if (name !== undefined && name !== '' && !wildcardMatch(name, asString(metadata?.['name']) ?? '')) return false;
    if (isObject(fields['selector']) && !selectorMatches(fields['selector'], stringMap(metadata?.['labels']))) return false;
    return true;
  });
}
