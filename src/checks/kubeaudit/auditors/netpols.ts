import type { Resource } from '../../../k8s/index.js';
import { apiGroup, asArray, asObject, getPath, isObject } from '../../../k8s/index.js';
import type { CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { ALLOW_ALL_NETWORK_POLICY, DEFAULT_DENY_POLICY_MISSING } from '../checks.js';
import type { OverrideHit, OverrideScope } from '../overrides.js';
import { describeOverride, findOverride } from '../overrides.js';
import { objectScope } from '../pod.js';
import type { Issue } from '../result.js';
import { allowedResult, issueResult } from '../result.js';

const INGRESS_LABEL = 'allow-non-default-deny-ingress-network-policy';
const EGRESS_LABEL = 'allow-non-default-deny-egress-network-policy';

type Direction = 'Ingress' | 'Egress';

/**
 * ref. kubeaudit netpols auditor. Each Namespace object must have a default-deny policy (empty pod
 * selector, the policy type listed, no rules) for ingress and egress. Policies that allow every
 * peer are reported on the policy itself, once, when its namespace is among the audited objects.
 */
export const netpols = {
  name: 'netpols',
  checks: [DEFAULT_DENY_POLICY_MISSING, ALLOW_ALL_NETWORK_POLICY],
  audit(resource, context) {
    if (isNetworkPolicy(resource)) {
      const audited = context.index.ofKind('Namespace').some((ns) => inNamespace(resource, ns));
      return audited ? auditAllowAll(resource) : [];
    }
    if (resource.kind !== 'Namespace' || apiGroup(resource.apiVersion) !== '') return [];
    const policies = context.index.ofKind('NetworkPolicy').filter((p) => isNetworkPolicy(p) && inNamespace(p, resource));
    return auditDefaultDeny(resource, policies);
  },
} satisfies Auditor;

function isNetworkPolicy(resource: Resource): boolean {
  const group = apiGroup(resource.apiVersion);
  return resource.kind === 'NetworkPolicy' && (group === 'networking.k8s.io' || group === 'extensions');
}

/**
 * A policy without a namespace is counted in: it lands in whatever namespace it is applied to. A
 * Namespace object without a name takes every policy, as in kubeaudit.
 */
function inNamespace(policy: Resource, namespace: Resource): boolean {
  return namespace.name === '' || policy.namespace === undefined || policy.namespace === namespace.name;
}

function auditAllowAll(policy: Resource): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [direction, rulesField, peersField] of [['Ingress', 'ingress', 'from'], ['Egress', 'egress', 'to']] as const) {
    const index = asArray(getPath(policy.object, ['spec', rulesField])).findIndex((rule) => asArray(asObject(rule)?.[peersField]).length === 0);
    if (index < 0) continue;
    out.push(issueResult({
      rule: `AllowAll${direction}NetworkPolicyExists`, level: 'warning', check: ALLOW_ALL_NETWORK_POLICY, resource: policy,
      path: ['spec', rulesField, index], discriminator: rulesField,
      message: `NetworkPolicy ${policy.name} has an ${rulesField} rule without \`${peersField}\`, which allows all ${rulesField} traffic to the pods it selects.`,
    }));
  }
  return out;
}

/** An empty pod selector (no labels, no expressions) selects every pod of the namespace. */
function selectsAll(policy: Resource): boolean {
  const selector = getPath(policy.object, ['spec', 'podSelector']);
  if (!isObject(selector)) return true;
  return Object.keys(asObject(selector['matchLabels']) ?? {}).length === 0 && asArray(selector['matchExpressions']).length === 0;
}

function deniesAll(policy: Resource, direction: Direction): boolean {
  const rules = asArray(getPath(policy.object, ['spec', direction.toLowerCase()]));
  // Only an explicit policyType counts: in a manifest, the API server's defaulting has not happened yet.
  const types = asArray(getPath(policy.object, ['spec', 'policyTypes']));
  return rules.length === 0 && types.includes(direction) && selectsAll(policy);
}

function auditDefaultDeny(namespace: Resource, policies: readonly Resource[]): CheckResult[] {
  const scope = objectScope(namespace);
  const missing = (['Ingress', 'Egress'] as const).filter((d) => !policies.some((p) => deniesAll(p, d)));
  // A policy selecting every pod is where the missing type would be added; kubeaudit then reports each type on its own.
  if (policies.some(selectsAll)) return missing.map((d) => directionResult(namespace, scope, d));
  const ingressHit = findOverride(scope, INGRESS_LABEL);
  const egressHit = findOverride(scope, EGRESS_LABEL);
  if (ingressHit === undefined && egressHit === undefined) {
    return [issueResult(bothIssue(namespace))];
  }
  if (ingressHit !== undefined && egressHit !== undefined) {
    // kubeaudit keeps this one at warning and always spells out both reasons.
    const reason = `Ingress: ${ingressHit.value}, Egress: ${egressHit.value}`;
    return [allowedResult(bothIssue(namespace), `allowed by override labels ${ingressHit.key} and ${egressHit.key} (${reason})`, 'warning')];
  }
  return (['Ingress', 'Egress'] as const).map((d) => directionResult(namespace, scope, d));
}

function bothIssue(namespace: Resource): Issue {
  return {
    rule: 'MissingDefaultDenyIngressAndEgressNetworkPolicy', level: 'error', check: DEFAULT_DENY_POLICY_MISSING, resource: namespace,
    discriminator: 'ingress-and-egress',
    message: `Namespace ${namespace.name} has no default-deny NetworkPolicy for ingress or egress.`,
  };
}

function directionResult(namespace: Resource, scope: OverrideScope, direction: Direction): CheckResult {
  const issue: Issue = {
    rule: `MissingDefaultDeny${direction}NetworkPolicy`, level: 'error', check: DEFAULT_DENY_POLICY_MISSING, resource: namespace,
    discriminator: direction.toLowerCase(),
    message: `Namespace ${namespace.name} has no default-deny NetworkPolicy for ${direction.toLowerCase()}.`,
  };
  const hit: OverrideHit | undefined = findOverride(scope, direction === 'Ingress' ? INGRESS_LABEL : EGRESS_LABEL);
  return hit === undefined ? issueResult(issue) : allowedResult(issue, describeOverride(hit));
}
