import type { PathSegment } from '../../kernel/index.js';
import { asArray, asObject, asString } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { compileMutateCel } from '../cel/mutate.js';
import type { PolicyProblem } from './check.js';

/**
 * A `policies.kyverno.io` MutatingPolicy as one engine rule named after the policy: the
 * admission-style `matchConstraints` become the match, `matchConditions` CEL preconditions, and
 * `variables` + `mutations` a `mutate.mutatingPolicy` block run by `cel/mutate.ts`.
 * ref. kyverno.io/docs "MutatingPolicy". Pod-controller autogen is not done (it needs the
 * expressions rewritten for each controller's pod template path).
 */
export function mutatingPolicyRules(name: string, spec: JsonObject): { rules: JsonObject[]; problems: PolicyProblem[] } {
  const problems = checkExpressions(spec);
  const constraints = asObject(spec['matchConstraints']) ?? {};
  const filter: JsonObject = { resourceRules: constraints['resourceRules'] ?? [] };
  if (constraints['namespaceSelector'] !== undefined) filter['namespaceSelector'] = constraints['namespaceSelector'];
  if (constraints['objectSelector'] !== undefined) filter['objectSelector'] = constraints['objectSelector'];
  const rule: JsonObject = {
    name,
    match: { any: [filter] },
    mutate: { mutatingPolicy: { variables: spec['variables'] ?? [], mutations: spec['mutations'] ?? [] } },
  };
  if (constraints['excludeResourceRules'] !== undefined) rule['exclude'] = { any: [{ resourceRules: constraints['excludeResourceRules'] }] };
  if (spec['matchConditions'] !== undefined) rule['celPreconditions'] = spec['matchConditions'];
  return { rules: [rule], problems };
}

function checkExpressions(spec: JsonObject): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const check = (expression: string | undefined, path: PathSegment[]): void => {
    if (expression === undefined) return;
    try {
      compileMutateCel(expression);
    } catch (cause) {
      problems.push({ path, reason: `invalid CEL expression: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}` });
    }
  };
  for (const list of ['matchConditions', 'variables']) {
    asArray(spec[list]).forEach((raw, i) => check(asString(asObject(raw)?.['expression']), ['spec', list, i, 'expression']));
  }
  const mutations = asArray(spec['mutations']);
  if (mutations.length === 0) problems.push({ path: ['spec', 'mutations'], reason: 'spec.mutations must list at least one mutation' });
  mutations.forEach((raw, i) => {
    const m = asObject(raw) ?? {};
    const type = asString(m['patchType']);
    const field = type === 'ApplyConfiguration' ? 'applyConfiguration' : type === 'JSONPatch' ? 'jsonPatch' : undefined;
    if (field === undefined) {
      problems.push({ path: ['spec', 'mutations', i, 'patchType'], reason: 'patchType must be ApplyConfiguration or JSONPatch' });
      return;
    }
    const expression = asString(asObject(m[field])?.['expression']);
    if (expression === undefined) problems.push({ path: ['spec', 'mutations', i, field, 'expression'], reason: `${field}.expression is required` });
    check(expression, ['spec', 'mutations', i, field, 'expression']);
  });
  return problems;
}
