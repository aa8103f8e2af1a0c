import type { CelPolicyException, KyvernoException, LoadedException, LoadedPolicy } from '../api.js';
import { evaluateConditions, wildcardMatch } from '../conditions/index.js';
import type { MatchSubject } from '../match/index.js';
import { ruleApplies } from '../match/index.js';
import type { ContextData } from '../variables/index.js';

/**
 * The exceptions that cover one rule on one resource, ref. kyverno.io/docs "Policy Exceptions": an
 * entry names the policy (`name`, or `namespace/name` for a namespaced Policy) and rule-name globs
 * — autogen rules are covered only when named (`autogen-<rule>`), as Kyverno documents — and the
 * exception's `match` selects the resource. `conditions` are checked separately with
 * `conditionsHold`, since they need the rule's context.
 */
export function exceptionsFor(exceptions: readonly LoadedException[], policy: LoadedPolicy, rule: string, subject: MatchSubject): KyvernoException[] {
  const qualified = policy.namespace === undefined ? policy.name : `${policy.namespace}/${policy.name}`;
  return exceptions.filter(
    (e): e is KyvernoException =>
      e.api === 'kyverno.io' &&
      e.exceptions.some((entry) => (entry.policyName === qualified || entry.policyName === policy.name) && entry.ruleNames.some((glob) => wildcardMatch(glob, rule))) &&
      ruleApplies({ match: e.match }, subject),
  );
}

/**
 * CEL-policy exceptions naming the policy (by name, and by kind when the reference gives one);
 * their matchConditions are checked by the caller with the request's CEL input.
 */
export function celExceptionsFor(exceptions: readonly LoadedException[], policy: LoadedPolicy): CelPolicyException[] {
  return exceptions.filter((e): e is CelPolicyException => e.api === 'policies.kyverno.io' && e.policyRefs.some((ref) => ref.name === policy.name && (ref.kind === undefined || ref.kind === '' || ref.kind === policy.kind)));
}

/** Conditions are optional; missing values read as empty, like preconditions. */
export function conditionsHold(exception: KyvernoException, data: ContextData): boolean {
  return exception.conditions === undefined || evaluateConditions(exception.conditions, data, 'empty').passed;
}

/** How an exempted rule is reported. */
export function exemptionMessage(exception: LoadedException): string {
  return `rule skipped due to policy exception ${exceptionRef(exception)}`;
}

/** `namespace/name` (or `name`) of an exception. */
export function exceptionRef(exception: LoadedException): string {
  return exception.namespace === undefined ? exception.name : `${exception.namespace}/${exception.name}`;
}
