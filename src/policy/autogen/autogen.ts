import { asArray, asObject, asString, isObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';

/**
 * Rule auto-generation for pod controllers, ref. kyverno.io/docs "Auto-Gen Rules for Pod
 * Controllers": a rule that selects only Pods is copied as `autogen-<rule>` for the controllers
 * and `autogen-cronjob-<rule>` for CronJob, with pod paths moved under the pod template.
 */
export const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';
export const DEFAULT_CONTROLLERS = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob'] as const;

/** Controllers named by the annotation (or the defaults); empty when autogen is off ("none"). */
export function autogenControllers(annotations: Record<string, string>): string[] {
  const value = annotations[AUTOGEN_ANNOTATION];
  if (value === undefined) return [...DEFAULT_CONTROLLERS];
  if (value.trim().toLowerCase() === 'none') return [];
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Generated rules, in Kyverno's order: controllers first, then CronJob. */
export function autogenRules(rule: JsonObject, controllers: readonly string[]): JsonObject[] {
  if (!canAutogen(rule)) return [];
  const name = asString(rule['name']) ?? '';
  const plain = controllers.filter((c) => c !== 'CronJob');
  const out: JsonObject[] = [];
  if (plain.length > 0) out.push(convert(rule, `autogen-${name}`, plain, 'template'));
  if (controllers.includes('CronJob')) out.push(convert(rule, `autogen-cronjob-${name}`, ['CronJob'], 'cronjob'));
  return out;
}

/** Only rules whose match/exclude blocks select Pods by kind alone can be moved to controllers. */
function canAutogen(rule: JsonObject): boolean {
  if (rule['generate'] !== undefined || rule['verifyImages'] !== undefined) return false;
  const mutate = asObject(rule['mutate']);
  if (mutate !== undefined && (mutate['patchesJson6902'] !== undefined || mutate['targets'] !== undefined || foreachHasJsonPatch(mutate['foreach']))) return false;
  const descriptions = [...descriptionsOf(rule['match']), ...descriptionsOf(rule['exclude'])];
  const matchKinds = descriptionsOf(rule['match']).flatMap((d) => asArray(d['kinds']).map(String));
  if (matchKinds.length === 0 || !matchKinds.every(isPodKind)) return false;
  for (const d of descriptions) {
    if (!asArray(d['kinds']).map(String).every(isPodKind)) return false;
    if (d['name'] !== undefined || d['names'] !== undefined || d['selector'] !== undefined || d['annotations'] !== undefined) return false;
  }
  return true;
}

/** JSON patch paths cannot be moved under the pod template, at any foreach depth. */
function foreachHasJsonPatch(foreach: unknown): boolean {
  return asArray(foreach).some((f) => isObject(f) && (f['patchesJson6902'] !== undefined || foreachHasJsonPatch(f['foreach'])));
}

function isPodKind(kind: string): boolean {
  return kind === 'Pod' || kind === 'v1/Pod' || kind === '*/Pod';
}

function descriptionsOf(block: unknown): JsonObject[] {
  const b = asObject(block);
  if (b === undefined) return [];
  const filters = [...asArray(b['any']), ...asArray(b['all'])].filter(isObject);
  const list = filters.length > 0 ? filters : [b];
  return list.map((f) => asObject(f['resources'])).filter((r): r is JsonObject => r !== undefined);
}

function convert(rule: JsonObject, name: string, kinds: string[], shape: 'template' | 'cronjob'): JsonObject {
  // Kyverno rewrites variable paths textually over the whole rule; we do the same so messages,
  // preconditions, deny conditions and foreach lists all look at the pod template.
  const specPath = shape === 'template' ? 'request.object.spec.template.spec' : 'request.object.spec.jobTemplate.spec.template.spec';
  const metaPath = shape === 'template' ? 'request.object.spec.template.metadata' : 'request.object.spec.jobTemplate.spec.template.metadata';
  const text = JSON.stringify({ ...rule, name })
    .replace(/request\.object\.spec/g, specPath)
    .replace(/request\.object\.metadata/g, metaPath);
  const copy = JSON.parse(text) as JsonObject;
  copy['match'] = withKinds(copy['match'], kinds);
  if (copy['exclude'] !== undefined) copy['exclude'] = withKinds(copy['exclude'], kinds);
  const validate = asObject(copy['validate']);
  if (validate !== undefined) {
    const wrap = (p: unknown): unknown => (shape === 'template' ? { spec: { template: p } } : { spec: { jobTemplate: { spec: { template: p } } } });
    if (validate['pattern'] !== undefined) validate['pattern'] = wrap(validate['pattern']);
    if (Array.isArray(validate['anyPattern'])) validate['anyPattern'] = validate['anyPattern'].map(wrap);
  }
  // CEL reads `object`/`oldObject` directly; move their pod paths the same way.
  const prefix = shape === 'template' ? 'spec.template' : 'spec.jobTemplate.spec.template';
  const moveCel = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/\b(object|oldObject)\.(spec|metadata)\b/g, `$1.${prefix}.$2`)) as unknown;
  if (validate?.['cel'] !== undefined) validate['cel'] = moveCel(validate['cel']);
  if (copy['celPreconditions'] !== undefined) copy['celPreconditions'] = moveCel(copy['celPreconditions']);
  const mutate = asObject(copy['mutate']);
  const wrapPatch = (block: JsonObject): void => {
    if (block['patchStrategicMerge'] !== undefined) {
      const p = block['patchStrategicMerge'];
      block['patchStrategicMerge'] = shape === 'template' ? { spec: { template: p } } : { spec: { jobTemplate: { spec: { template: p } } } };
    }
    for (const f of asArray(block['foreach'])) if (isObject(f)) wrapPatch(f);
  };
  if (mutate !== undefined) wrapPatch(mutate);
  return copy;
}

function withKinds(block: unknown, kinds: string[]): unknown {
  const b = asObject(block);
  if (b === undefined) return block;
  const swap = (filter: unknown): unknown => {
    const f = asObject(filter);
    const resources = asObject(f?.['resources']);
    if (f === undefined || resources === undefined || resources['kinds'] === undefined) return filter;
    return { ...f, resources: { ...resources, kinds } };
  };
  const out: JsonObject = { ...b };
  if (Array.isArray(b['any'])) out['any'] = b['any'].map(swap);
  if (Array.isArray(b['all'])) out['all'] = b['all'].map(swap);
  if (b['resources'] !== undefined) return swap(out);
  return out;
}
