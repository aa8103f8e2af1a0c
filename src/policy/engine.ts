import type { JsonObject, Resource } from '../k8s/index.js';
import { asArray, asObject, toResource } from '../k8s/index.js';
import type { AdmissionInfo, KyvernoException, LoadedException, LoadedPolicy, PolicyRule, PolicyValues, RuleResult, RuleStatus } from './api.js';
import { emptyValues } from './api.js';
import type { PolicyLookups } from './ports.js';
import { LookupError, NO_LOOKUPS } from './ports.js';
import { libraryBindings } from './cel/index.js';
import { celPreconditionsHold, runCelValidation } from './cel/index.js';
import { runCelMutations } from './cel/mutate.js';
import type { CelInput } from './cel/index.js';
import { evaluateConditions } from './conditions/index.js';
import { runGenerate } from './handlers/generate/index.js';
import { runMutate, runMutateTargets } from './handlers/mutate/index.js';
import type { TargetOutcome } from './handlers/mutate/index.js';
import { runValidate } from './handlers/validate/index.js';
import { ruleApplies } from './match/index.js';
import { celExceptionsFor, conditionsHold, exceptionRef, exceptionsFor, exemptionMessage } from './exceptions/index.js';
import { buildContext, loadContextEntries, setDotted, VariableError } from './variables/index.js';
import type { ContextData } from './variables/index.js';

export interface PolicyEngineOptions {
  policies: readonly LoadedPolicy[];
  /** Offline stand-ins for cluster data. @default no values */
  values?: PolicyValues;
  /** Existing objects that `generate.clone`/`cloneList` copy from (a test's cloneSourceResource). @default none */
  cloneSources?: readonly JsonObject[];
  /** Outside data for CEL libraries (`resource.Get`, `image.GetMetadata`, `http`). @default nothing resolves */
  lookups?: PolicyLookups;
  /** PolicyExceptions: matched rules become `skip` (or run with extra podSecurity exemptions). @default none */
  exceptions?: readonly LoadedException[];
  /** Current time for `time.now()`. @default the system clock */
  clock?: () => Date;
}

export interface EvaluateOptions {
  /** @default CREATE by an anonymous user with no roles */
  admission?: Partial<AdmissionInfo>;
}

export interface PolicyEngine {
  /** Every rule response for one resource, in policy then rule order. Never throws. */
  evaluate(resource: Resource, options?: EvaluateOptions): RuleResult[];
}

/**
 * The engine: policies are parsed, checked and autogen-expanded once by `load/`; evaluation is
 * per resource. A rule that does not match produces no result, exactly as Kyverno reports it.
 */
export function createPolicyEngine(options: PolicyEngineOptions): PolicyEngine {
  const values = options.values ?? emptyValues();
  const env: EvalEnv = { values, cloneSources: options.cloneSources ?? [], exceptions: options.exceptions ?? [], lookups: options.lookups ?? NO_LOOKUPS, libraries: libraryBindings(options.lookups ?? NO_LOOKUPS, options.clock ?? (() => new Date())) };
  return {
    evaluate(resource, evaluateOptions = {}) {
      const admission: AdmissionInfo = {
        operation: evaluateOptions.admission?.operation ?? 'CREATE',
        userInfo: evaluateOptions.admission?.userInfo ?? {},
        roles: evaluateOptions.admission?.roles ?? [],
        clusterRoles: evaluateOptions.admission?.clusterRoles ?? [],
      };
      const results: RuleResult[] = [];
      // Kyverno order: every mutate rule first, in policy order, each seeing the previous result;
      // then the other rules on the mutated resource.
      let current = resource;
      const done = new Set<LoadedPolicy>();
      for (const phase of ['mutate', 'other'] as const) {
        for (const policy of options.policies) {
          if (policy.namespace !== undefined && resource.namespace !== policy.namespace) continue;
          for (const rule of policy.rules) {
            if (done.has(policy) || (rule.type === 'mutate') !== (phase === 'mutate')) continue;
            const outcome = evaluateRule(policy, rule, current, admission, env);
            if (outcome === undefined) continue;
            const trigger = { apiVersion: resource.apiVersion, kind: resource.kind, namespace: resource.namespace, name: resource.name };
            if (outcome.targets !== undefined && outcome.targets.length > 0) {
              // Mutate-existing: one result per target, about the target; the trigger is unchanged.
              for (const t of outcome.targets) results.push({ policy: policy.name, rule: rule.name, trigger, ...t });
              continue;
            }
            const result: RuleResult = { policy: policy.name, rule: rule.name, resource: trigger, status: outcome.status, message: outcome.message };
            if (outcome.patched !== undefined) result.patched = outcome.patched;
            if (outcome.generated !== undefined) result.generated = outcome.generated;
            results.push(result);
            if (outcome.patched !== undefined) current = toResource(outcome.patched, resource.source);
            if (policy.applyRules === 'One' && outcome.status !== 'skip') done.add(policy);
          }
        }
      }
      return results;
    },
  };
}

type Outcome = { status: RuleStatus; message: string; patched?: JsonObject; generated?: JsonObject[]; targets?: TargetOutcome[] };

/** What every rule evaluation shares. */
interface EvalEnv {
  values: PolicyValues;
  cloneSources: readonly JsonObject[];
  exceptions: readonly LoadedException[];
  lookups: PolicyLookups;
  libraries: Record<string, unknown>;
}

function evaluateRule(policy: LoadedPolicy, rule: PolicyRule, resource: Resource, admission: AdmissionInfo, env: EvalEnv): Outcome | undefined {
  const { values, cloneSources } = env;
  const namespaceLabels = values.namespaceLabels.get(resource.namespace ?? '') ?? {};
  if (!ruleApplies(rule.spec, { resource, admission, namespaceLabels })) return undefined;
  const exempted = env.exceptions.length === 0 ? 'none' : withExceptions(policy, rule, resource, admission, env);
  if (exempted !== 'none') return exempted;
  switch (rule.type) {
    case 'mutate':
      break;
    case 'generate':
      break;
    case 'verifyImages':
      return { status: 'skip', message: 'verifyImages needs registry access, which offline evaluation does not have' };
    case 'unknown':
      return { status: 'error', message: 'rule has no validate, mutate, generate or verifyImages block' };
    case 'validate':
      break;
  }
  try {
    const data = ruleContext(policy, rule, resource, admission, values);
    loadContextEntries(rule.spec['context'], data);
    if (!evaluateConditions(rule.spec['preconditions'], data, 'empty').passed) {
      return { status: 'skip', message: 'preconditions not met' };
    }
    if (rule.spec['celPreconditions'] !== undefined) {
      const pre = celPreconditionsHold(rule.spec['celPreconditions'], celInput(data, resource, env));
      if (!pre.holds) return { status: 'skip', message: pre.reason };
    }
    if (rule.type === 'generate') {
      const outcome = runGenerate(rule.name, asObject(rule.spec['generate']) ?? {}, data, cloneSources, env.libraries);
      return outcome.status === 'pass' ? outcome : { status: outcome.status, message: outcome.message };
    }
    if (rule.type === 'mutate') {
      const celMutations = asObject(asObject(rule.spec['mutate'])?.['mutatingPolicy']);
      if (celMutations !== undefined) return runCelMutations(rule.name, celMutations, celInput(data, resource, env));
      const foreach = ruleValues(values, policy.name, rule.name)?.foreachValues ?? {};
      const mutateBlock = asObject(rule.spec['mutate']) ?? {};
      if (mutateBlock['targets'] !== undefined) {
        const targets = runMutateTargets(rule.name, mutateBlock, data, foreach, env.lookups);
        if (targets.length === 0) return { status: 'skip', message: `rule ${rule.name} skipped: no target resources found` };
        return { status: 'pass', message: '', targets };
      }
      const mutated = runMutate(rule.name, asObject(rule.spec['mutate']) ?? {}, data, foreach);
      // Only an applied patch carries a resource; a skip leaves the previous one in force.
      return mutated.status === 'pass' ? mutated : { status: mutated.status, message: mutated.message };
    }
    const validate = asObject(rule.spec['validate']) ?? {};
    const cel = asObject(validate['cel']);
    if (cel !== undefined) return runCelValidation(rule.name, cel, celInput(data, resource, env), env.lookups);
    const foreachValues = ruleValues(values, policy.name, rule.name)?.foreachValues ?? {};
    return runValidate(rule.name, validate, data, foreachValues);
  } catch (cause) {
    if (cause instanceof VariableError || cause instanceof LookupError) return { status: 'error', message: cause.message };
    return { status: 'error', message: `evaluation failed: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

/**
 * PolicyExceptions (kyverno.io) cover ClusterPolicy/Policy rules only; the CEL kinds have their own
 * exception kind. A matching exception skips the rule, except that podSecurity entries are added
 * to a podSecurity rule's exclusions and the rule still runs on the rest (ref. kyverno.io/docs
 * "Policy Exceptions › Pod Security"). `none`: no exception applies.
 */
function withExceptions(policy: LoadedPolicy, rule: PolicyRule, resource: Resource, admission: AdmissionInfo, env: EvalEnv): Outcome | undefined | 'none' {
  if (policy.kind !== 'ClusterPolicy' && policy.kind !== 'Policy') return withCelExceptions(policy, rule, resource, admission, env);
  const subject = { resource, admission, namespaceLabels: env.values.namespaceLabels.get(resource.namespace ?? '') ?? {} };
  const candidates = exceptionsFor(env.exceptions, policy, rule.name, subject);
  if (candidates.length === 0) return 'none';
  let holding: KyvernoException[];
  try {
    const data = ruleContext(policy, rule, resource, admission, env.values);
    holding = candidates.filter((e) => conditionsHold(e, data));
  } catch (cause) {
    return { status: 'error', message: `policy exception conditions could not be evaluated: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
  const first = holding[0];
  if (first === undefined) return 'none';
  const podSecurity = asObject(asObject(rule.spec['validate'])?.['podSecurity']);
  const extra = holding.flatMap((e) => e.podSecurity);
  if (podSecurity === undefined || extra.length === 0) return { status: 'skip', message: exemptionMessage(first) };
  const exclude = [...asArray(podSecurity['exclude']), ...extra];
  const narrowed: PolicyRule = { ...rule, spec: { ...rule.spec, validate: { ...asObject(rule.spec['validate']), podSecurity: { ...podSecurity, exclude } } } };
  const outcome = evaluateRule(policy, narrowed, resource, admission, { ...env, exceptions: [] });
  const by = holding.filter((e) => e.podSecurity.length > 0).map(exceptionRef).join(', ');
  return outcome === undefined ? undefined : { ...outcome, message: `${outcome.message} (podSecurity exemptions from policy exception ${by})` };
}

/** CEL policy kinds: an exception naming the policy whose matchConditions all hold skips it. */
function withCelExceptions(policy: LoadedPolicy, rule: PolicyRule, resource: Resource, admission: AdmissionInfo, env: EvalEnv): Outcome | 'none' {
  const candidates = policy.kind === 'ValidatingAdmissionPolicy' ? [] : celExceptionsFor(env.exceptions, policy);
  if (candidates.length === 0) return 'none';
  const input = celInput(ruleContext(policy, rule, resource, admission, env.values), resource, env);
  for (const exception of candidates) {
    try {
      if (celPreconditionsHold(exception.matchConditions, input).holds) return { status: 'skip', message: exemptionMessage(exception) };
    } catch (cause) {
      return { status: 'error', message: `policy exception ${exceptionRef(exception)}: ${cause instanceof Error ? cause.message : String(cause)}` };
    }
  }
  return 'none';
}

function ruleContext(policy: LoadedPolicy, rule: PolicyRule, resource: Resource, admission: AdmissionInfo, values: PolicyValues): ContextData {
  const data = buildContext(resource, admission);
  setDotted(data, values.global);
  const perResource = values.resources.get(policy.name)?.get(resource.name);
  if (perResource !== undefined) setDotted(data, perResource);
  const perRule = ruleValues(values, policy.name, rule.name);
  if (perRule !== undefined) setDotted(data, perRule.values);
  return data;
}

/** Values for an autogen rule fall back to the rule it was generated from. */
function ruleValues(values: PolicyValues, policy: string, rule: string): { values: Record<string, unknown>; foreachValues: Record<string, unknown> } | undefined {
  const rules = values.rules.get(policy);
  return rules?.get(rule) ?? rules?.get(rule.replace(/^autogen-(cronjob-)?/, ''));
}

/** CEL sees the admission request directly; the namespace object only when a Values file gave it. */
function celInput(data: ContextData, resource: Resource, env: EvalEnv): CelInput {
  const request = asObject(data['request']) ?? {};
  const namespace = resource.namespace;
  const full = namespace === undefined ? undefined : env.values.namespaces.get(namespace);
  const labels = namespace === undefined ? undefined : env.values.namespaceLabels.get(namespace);
  const synthesized = labels === undefined ? null : { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } };
  return {
    object: request['object'] ?? null,
    oldObject: request['oldObject'] ?? null,
    request,
    namespaceObject: full ?? synthesized,
    libraries: env.libraries,
  };
}
