import type { PathSegment } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject, stringMap } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { LoadedPolicy } from '../api.js';
import { compileCel } from '../cel/index.js';
import type { PolicyProblem } from './check.js';

/** A checked `admissionregistration.k8s.io/v1` ValidatingAdmissionPolicy, waiting for its bindings. */
export interface AdmissionPolicyDoc {
  name: string;
  annotations: Record<string, string>;
  spec: JsonObject;
  file: string;
  line: number;
}

/** A checked ValidatingAdmissionPolicyBinding. */
export interface AdmissionBindingDoc {
  name: string;
  policyName: string;
  spec: JsonObject;
  file: string;
  line: number;
}

export const ADMISSION_API_VERSIONS: ReadonlySet<string> = new Set(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1']);
const ACTIONS = new Set(['Deny', 'Warn', 'Audit']);

/**
 * Checks a ValidatingAdmissionPolicy the way the API server validates one (ref. kubernetes.io/docs
 * "Validating Admission Policy"): at least one validation, each with an expression that compiles,
 * `matchConstraints.resourceRules`, a known `failurePolicy`, named matchConditions and variables.
 */
export function checkAdmissionPolicy(spec: JsonObject | undefined): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: PathSegment[], reason: string): void => void problems.push({ path, reason });
  if (spec === undefined) return [{ path: ['spec'], reason: 'spec is required' }];
  if (asArray(spec['validations']).length === 0) add(['spec', 'validations'], 'spec.validations must list at least one validation');
  const constraints = asObject(spec['matchConstraints']);
  if (constraints === undefined || asArray(constraints['resourceRules']).length === 0) add(['spec', 'matchConstraints', 'resourceRules'], 'matchConstraints.resourceRules must list at least one rule');
  const failurePolicy = spec['failurePolicy'];
  if (failurePolicy !== undefined && failurePolicy !== 'Fail' && failurePolicy !== 'Ignore') add(['spec', 'failurePolicy'], `failurePolicy must be Fail or Ignore (got ${JSON.stringify(failurePolicy)})`);
  const paramKind = spec['paramKind'];
  if (paramKind !== undefined && (asString(asObject(paramKind)?.['apiVersion']) === undefined || asString(asObject(paramKind)?.['kind']) === undefined)) add(['spec', 'paramKind'], 'paramKind needs apiVersion and kind');
  for (const list of ['matchConditions', 'variables', 'validations', 'auditAnnotations']) {
    asArray(spec[list]).forEach((raw, i) => {
      const entry = asObject(raw);
      if (entry === undefined) return add(['spec', list, i], 'must be a mapping');
      if ((list === 'matchConditions' || list === 'variables') && asString(entry['name']) === undefined) add(['spec', list, i, 'name'], 'name is required');
      const fields = list === 'auditAnnotations' ? ['valueExpression'] : ['expression', 'messageExpression'];
      if (asString(entry[fields[0] ?? '']) === undefined) add(['spec', list, i, fields[0] ?? ''], `${fields[0] ?? ''} is required`);
      for (const field of fields) {
        const expression = asString(entry[field]);
        if (expression === undefined) continue;
        try {
          compileCel(expression);
        } catch (cause) {
          add(['spec', list, i, field], `invalid CEL expression: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}`);
        }
      }
    });
  }
  return problems;
}

/** Checks a binding: it names a policy and, if given, valid validationActions and paramRef. */
export function checkAdmissionBinding(spec: JsonObject | undefined): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (spec === undefined) return [{ path: ['spec'], reason: 'spec is required' }];
  if (asString(spec['policyName']) === undefined) problems.push({ path: ['spec', 'policyName'], reason: 'policyName is required' });
  const actions = asArray(spec['validationActions']);
  if (actions.length === 0) problems.push({ path: ['spec', 'validationActions'], reason: 'validationActions must list Deny, Warn and/or Audit' });
  actions.forEach((a, i) => {
    if (typeof a !== 'string' || !ACTIONS.has(a)) problems.push({ path: ['spec', 'validationActions', i], reason: `unknown validation action ${JSON.stringify(a)} (Deny, Warn or Audit)` });
  });
  if (actions.includes('Deny') && actions.includes('Warn')) problems.push({ path: ['spec', 'validationActions'], reason: 'Deny and Warn may not be used together' });
  const paramRef = spec['paramRef'];
  if (paramRef !== undefined) {
    const ref = asObject(paramRef);
    if (ref === undefined || (ref['name'] === undefined) === (ref['selector'] === undefined)) problems.push({ path: ['spec', 'paramRef'], reason: 'paramRef needs exactly one of name or selector' });
    const action = ref?.['parameterNotFoundAction'];
    if (action !== undefined && action !== 'Allow' && action !== 'Deny') problems.push({ path: ['spec', 'paramRef', 'parameterNotFoundAction'], reason: 'parameterNotFoundAction must be Allow or Deny' });
  }
  return problems;
}

const ALL_RESOURCES = [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['*'] }];

function admissionFilter(match: JsonObject): JsonObject {
  const filter: JsonObject = { resourceRules: match['resourceRules'] ?? ALL_RESOURCES };
  if (match['namespaceSelector'] !== undefined) filter['namespaceSelector'] = match['namespaceSelector'];
  if (match['objectSelector'] !== undefined) filter['objectSelector'] = match['objectSelector'];
  return filter;
}

/**
 * Pairs policies with their bindings into engine policies. Each binding becomes one rule named
 * after it: the policy's constraints and the binding's `matchResources` must both select the
 * resource, and the binding supplies `paramRef` and `validationActions`. A policy without any
 * binding applies to whatever its constraints match, with Deny — what `kyverno apply` does with a
 * lone policy. A binding naming no loaded policy is ignored, as the API server would.
 */
export function bindAdmissionPolicies(policies: readonly AdmissionPolicyDoc[], bindings: readonly AdmissionBindingDoc[]): LoadedPolicy[] {
  return policies.map((policy) => {
    const own = bindings.filter((b) => b.policyName === policy.name);
    const rules = own.length === 0 ? [ruleFor(policy, undefined)] : own.map((b) => ruleFor(policy, b));
    return {
      kind: 'ValidatingAdmissionPolicy',
      name: policy.name,
      namespace: undefined,
      annotations: policy.annotations,
      rules: rules.map((spec) => ({ name: asString(spec['name']) ?? policy.name, spec, type: 'validate' as const })),
      ruleless: true,
      applyRules: 'All',
      file: policy.file,
      line: policy.line,
    } satisfies LoadedPolicy;
  });
}

function ruleFor(policy: AdmissionPolicyDoc, binding: AdmissionBindingDoc | undefined): JsonObject {
  const spec = policy.spec;
  const constraints = asObject(spec['matchConstraints']) ?? {};
  const filters = [admissionFilter(constraints)];
  const excludes = asArray(constraints['excludeResourceRules']).length > 0 ? [{ resourceRules: constraints['excludeResourceRules'] ?? [] }] : [];
  const bound = asObject(binding?.spec['matchResources']);
  if (bound !== undefined) {
    filters.push(admissionFilter(bound));
    if (asArray(bound['excludeResourceRules']).length > 0) excludes.push({ resourceRules: bound['excludeResourceRules'] ?? [] });
  }
  const cel: JsonObject = {
    variables: spec['variables'] ?? [],
    expressions: spec['validations'] ?? [],
    failurePolicy: spec['failurePolicy'] ?? 'Fail',
    validationActions: binding?.spec['validationActions'] ?? ['Deny'],
  };
  if (spec['paramKind'] !== undefined) cel['paramKind'] = spec['paramKind'];
  if (binding?.spec['paramRef'] !== undefined) cel['paramRef'] = binding.spec['paramRef'];
  const rule: JsonObject = { name: binding?.name ?? policy.name, match: { all: filters }, validate: { cel } };
  if (excludes.length > 0) rule['exclude'] = { any: excludes };
  if (spec['matchConditions'] !== undefined) rule['celPreconditions'] = spec['matchConditions'];
  return rule;
}

/** Reads the identifying parts of a VAP or binding document. */
export function admissionDocParts(value: JsonObject): { name: string; annotations: Record<string, string>; spec: JsonObject | undefined } {
  const metadata = asObject(value['metadata']);
  return { name: asString(metadata?.['name']) ?? '', annotations: stringMap(metadata?.['annotations']), spec: isObject(value['spec']) ? value['spec'] : undefined };
}
