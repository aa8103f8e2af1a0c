import type { PathSegment } from '../../kernel/index.js';
import { asArray, asObject, asString, isObject } from '../../k8s/index.js';
import type { JsonObject } from '../../k8s/index.js';
import type { CelPolicyException, KyvernoException } from '../api.js';
import { compileCel } from '../cel/index.js';
import type { PolicyProblem } from './check.js';
import { checkConditions } from './check.js';
import { checkPodSecurity } from './pod-security.js';

/** apiVersions of the PolicyException kind. ref. kyverno.io/docs "Policy Exceptions". */
export const EXCEPTION_API_VERSIONS: ReadonlySet<string> = new Set(['kyverno.io/v2', 'kyverno.io/v2beta1', 'kyverno.io/v2alpha1']);

/**
 * Checks and converts a PolicyException document. Kyverno's webhook rejects an exception without
 * `spec.exceptions` entries (each naming a policy and at least one rule) or without `spec.match`;
 * the same problems are reported here with their field paths.
 */
export function loadException(document: JsonObject, file: string, line: number): { exception: KyvernoException; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const add = (path: PathSegment[], reason: string): void => void problems.push({ path, reason });
  const metadata = asObject(document['metadata']);
  const name = asString(metadata?.['name']) ?? '';
  if (name === '') add(['metadata', 'name'], 'metadata.name is required');
  const spec = asObject(document['spec']);
  if (spec === undefined) add(['spec'], 'spec is required');
  const rawEntries = asArray(spec?.['exceptions']);
  if (rawEntries.length === 0) add(['spec', 'exceptions'], 'spec.exceptions must list at least one policy and its rules');
  const exceptions = rawEntries.map((raw, i) => {
    const entry = asObject(raw);
    const policyName = asString(entry?.['policyName']) ?? '';
    if (policyName === '') add(['spec', 'exceptions', i, 'policyName'], 'policyName is required');
    const ruleNames = asArray(entry?.['ruleNames']);
    if (ruleNames.length === 0 || !ruleNames.every((r) => typeof r === 'string' && r !== '')) add(['spec', 'exceptions', i, 'ruleNames'], 'ruleNames must list at least one rule name');
    return { policyName, ruleNames: ruleNames.map(String) };
  });
  const match = asObject(spec?.['match']);
  if (match === undefined) add(['spec', 'match'], 'spec.match is required');
  else if (asArray(match['any']).length === 0 && asArray(match['all']).length === 0) add(['spec', 'match'], 'spec.match needs "any" or "all" resource filters');
  const conditions = spec?.['conditions'];
  if (conditions !== undefined && !isObject(conditions)) add(['spec', 'conditions'], 'spec.conditions must be a mapping with "any" and/or "all"');
  checkConditions(conditions, ['spec', 'conditions'], add);
  const podSecurity = asArray(spec?.['podSecurity']);
  if (spec?.['podSecurity'] !== undefined) {
    // The entries have the shape of validate.podSecurity.exclude; reuse its checks.
    checkPodSecurity({ level: 'baseline', version: 'latest', exclude: podSecurity }, ['spec'], (path, reason) => add(path.map((p) => (p === 'exclude' ? 'podSecurity' : p)), reason));
  }
  return {
    exception: {
      api: 'kyverno.io',
      name,
      namespace: asString(metadata?.['namespace']),
      exceptions,
      match: match ?? {},
      conditions: asObject(conditions),
      podSecurity: podSecurity.filter(isObject),
      file,
      line,
    },
    problems,
  };
}

/** apiVersions of the CEL-policy PolicyException. ref. kyverno.io/docs "PolicyException (CEL policies)". */
export const CEL_EXCEPTION_API_VERSIONS: ReadonlySet<string> = new Set(['policies.kyverno.io/v1alpha1', 'policies.kyverno.io/v1beta1', 'policies.kyverno.io/v1']);

/** Checks a CEL-policy PolicyException: policyRefs with names, matchConditions that compile. */
export function loadCelException(document: JsonObject, file: string, line: number): { exception: CelPolicyException; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const add = (path: PathSegment[], reason: string): void => void problems.push({ path, reason });
  const metadata = asObject(document['metadata']);
  const name = asString(metadata?.['name']) ?? '';
  if (name === '') add(['metadata', 'name'], 'metadata.name is required');
  const spec = asObject(document['spec']);
  const refs = asArray(spec?.['policyRefs']);
  if (refs.length === 0) add(['spec', 'policyRefs'], 'spec.policyRefs must name at least one policy');
  const policyRefs = refs.map((raw, i) => {
    const ref = asObject(raw);
    const refName = asString(ref?.['name']) ?? '';
    if (refName === '') add(['spec', 'policyRefs', i, 'name'], 'policy name is required');
    return { name: refName, kind: asString(ref?.['kind']) };
  });
  const matchConditions = asArray(spec?.['matchConditions']);
  matchConditions.forEach((raw, i) => {
    const condition = asObject(raw);
    const expression = asString(condition?.['expression']);
    if (asString(condition?.['name']) === undefined) add(['spec', 'matchConditions', i, 'name'], 'name is required');
    if (expression === undefined) return add(['spec', 'matchConditions', i, 'expression'], 'expression is required');
    try {
      compileCel(expression);
    } catch (cause) {
      add(['spec', 'matchConditions', i, 'expression'], `invalid CEL expression: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? ''}`);
    }
  });
  return {
    exception: { api: 'policies.kyverno.io', name, namespace: asString(metadata?.['namespace']), policyRefs, matchConditions: matchConditions.filter(isObject), file, line },
    problems,
  };
}
