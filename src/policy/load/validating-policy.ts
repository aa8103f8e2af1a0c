import type { PathSegment } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import { autogenRules, DEFAULT_CONTROLLERS } from '../autogen/index.js';
import { compileCel } from '../cel/index.js';
import type { PolicyProblem } from './check.js';

/** Controller resource names (`deployments`) as the kinds autogen works with. */
const CONTROLLER_KINDS: Record<string, string> = {
  daemonsets: 'DaemonSet',
  deployments: 'Deployment',
  jobs: 'Job',
  statefulsets: 'StatefulSet',
  replicasets: 'ReplicaSet',
  replicationcontrollers: 'ReplicationController',
  cronjobs: 'CronJob',
};

/**
 * A `policies.kyverno.io` ValidatingPolicy as engine rules: one rule named after the policy whose
 * match is the admission-style `matchConstraints`, `matchConditions` as CEL preconditions and
 * `validations` as a `validate.cel` block — plus autogen rules for pod controllers.
 * ref. kyverno.io/docs "ValidatingPolicy".
 */
export function validatingPolicyRules(name: string, spec: JsonObject): { rules: JsonObject[]; problems: PolicyProblem[] } {
  const problems = checkExpressions(spec);
  const constraints = asObject(spec['matchConstraints']) ?? {};
  const filter: JsonObject = { resourceRules: constraints['resourceRules'] ?? [] };
  if (constraints['namespaceSelector'] !== undefined) filter['namespaceSelector'] = constraints['namespaceSelector'];
  if (constraints['objectSelector'] !== undefined) filter['objectSelector'] = constraints['objectSelector'];
  const rule: JsonObject = {
    name,
    match: { any: [filter] },
    validate: { cel: { variables: spec['variables'] ?? [], expressions: spec['validations'] ?? [] } },
  };
  if (constraints['excludeResourceRules'] !== undefined) rule['exclude'] = { any: [{ resourceRules: constraints['excludeResourceRules'] }] };
  if (spec['matchConditions'] !== undefined) rule['celPreconditions'] = spec['matchConditions'];
  return { rules: [rule, ...autogenFor(rule, constraints, spec)], problems };
}

function autogenFor(rule: JsonObject, constraints: JsonObject, spec: JsonObject): JsonObject[] {
  const resourceRules = asArray(constraints['resourceRules']).filter(isObject);
  const podsOnly = resourceRules.length > 0 && resourceRules.every((r) => asArray(r['resources']).every((x) => x === 'pods'));
  if (!podsOnly) return [];
  const configured = asArray(asObject(asObject(spec['autogen'])?.['podControllers'])?.['controllers']);
  const hasSetting = asObject(asObject(spec['autogen'])?.['podControllers'])?.['controllers'] !== undefined;
  const controllers = hasSetting ? configured.map((c) => CONTROLLER_KINDS[String(c).toLowerCase()] ?? String(c)) : [...DEFAULT_CONTROLLERS];
  const operations = [...new Set(resourceRules.flatMap((r) => asArray(r['operations']).map(String)))].filter((op) => op !== '*');
  // Autogen works on Kyverno-style kinds; rewrite the match in that form first.
  const podRule: JsonObject = { ...rule, match: { any: [{ resources: { kinds: ['Pod'], ...(operations.length > 0 ? { operations } : {}) } }] } };
  delete podRule['exclude'];
  return autogenRules(podRule, controllers);
}

function checkExpressions(spec: JsonObject): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const list of ['matchConditions', 'variables', 'validations']) {
    asArray(spec[list]).forEach((raw, i) => {
      for (const field of ['expression', 'messageExpression']) {
        const expression = asString(asObject(raw)?.[field]);
        if (expression === undefined) continue;
        try {
          compileCel(expression);
        } catch (cause) {
          const path: PathSegment[] = ['spec', list, i, field];
          problems.push({ path, reason: `invalid CEL expression: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}` });
        }
      }
    });
  }
  if (asArray(spec['validations']).length === 0) problems.push({ path: ['spec', 'validations'], reason: 'spec.validations must list at least one validation' });
  return problems;
}
