import type { Severity } from '../../../findings/index.js';
import { maxSeverity } from '../../../findings/index.js';
import type { Resource } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { AuditContext, CheckInfo, CheckResult } from '../../types.js';
import type { CheckGroup } from '../group.js';
import { bosunId, isKind, ownCheck, RBAC_GROUP } from '../group.js';
import { isKubernetesDefault } from './defaults.js';
import type { PolicyRule } from './rules.js';
import { coversGroup, coversResource, coversVerb, grantedVerbs, rulesOf, wildcardFields } from './rules.js';

export const RBAC_WILDCARD = ownCheck({
  id: 'rbac-wildcard',
  title: 'Role grants access through wildcards',
  severity: 'high',
  category: 'RBAC',
  description:
    'A `*` in verbs, resources or apiGroups grants everything that exists now and everything added later ' +
    '(new CRDs, new subresources), so nobody can tell from the role what its subjects can really do.',
  remediation: 'List the exact apiGroups, resources and verbs the subjects need instead of `*`.',
});

export const RBAC_SECRETS_READ = ownCheck({
  id: 'rbac-secrets-read',
  title: 'Role can read Secrets',
  severity: 'high',
  category: 'RBAC',
  description:
    'get, list or watch on secrets returns their decoded content: every password, token and key in reach, ' +
    'service account tokens included, which usually leads to more privileges.',
  remediation:
    'Drop secrets from the rule, or restrict it with `resourceNames` to the few Secrets the subject must read ' +
    '(and prefer mounting them into the pod over reading them through the API).',
});

export const RBAC_ESCALATION_VERBS = ownCheck({
  id: 'rbac-privilege-escalation-verbs',
  title: 'Role allows escalate, bind or impersonate',
  severity: 'high',
  category: 'RBAC',
  description:
    'escalate and bind on roles let a subject grant itself permissions it does not hold; impersonate on ' +
    'users, groups or service accounts lets it act as any of them (system:masters included). Each bypasses ' +
    'the RBAC escalation check.',
  remediation:
    'Remove escalate, bind and impersonate (and `*` verbs on roles, clusterroles, users, groups and serviceaccounts); ' +
    'if a controller truly needs them, restrict the rule with `resourceNames`.',
});

const POD_EXEC = sharedCheck('rbac-pod-exec');

/** What one rule does wrong for one check. */
interface RuleOffence {
  rule: PolicyRule;
  detail: string;
  severity?: Severity;
}

interface RoleCheck {
  info: CheckInfo;
  /** Message lead on failure, followed by the offending rules. */
  failure: string;
  success: string;
  evaluate(rule: PolicyRule): RuleOffence | undefined;
}

const ROLE_CHECKS: readonly RoleCheck[] = [
  {
    info: RBAC_WILDCARD,
    failure: 'grants access through wildcards',
    success: 'uses no wildcards',
    evaluate: (rule) => {
      const fields = wildcardFields(rule);
      if (fields.length === 0) return undefined;
      // A wildcard group on named resources and verbs widens less than `*` verbs or resources do.
      const severity: Severity = fields.includes('verbs') || fields.includes('resources') ? 'high' : 'medium';
      return { rule, detail: `rules[${rule.index}] has * in ${fields.join(', ')}`, severity };
    },
  },
  {
    info: RBAC_SECRETS_READ,
    failure: 'can read Secrets',
    success: 'cannot read Secrets',
    evaluate: (rule) => {
      // resourceNames pins the rule to named Secrets: that is the fix we recommend, not a finding.
      if (rule.resourceNames.length > 0) return undefined;
      if (!coversGroup(rule, '') || !coversResource(rule, 'secrets')) return undefined;
      const verbs = grantedVerbs(rule, ['get', 'list', 'watch']);
      return verbs.length === 0 ? undefined : { rule, detail: `rules[${rule.index}] allows ${verbs.join(', ')} on secrets` };
    },
  },
  {
    info: RBAC_ESCALATION_VERBS,
    failure: 'allows privilege escalation verbs',
    success: 'allows no escalate, bind or impersonate',
    evaluate: (rule) => {
      const verbs = escalationVerbs(rule);
      return verbs.length === 0 ? undefined : { rule, detail: `rules[${rule.index}] allows ${verbs.join(', ')}` };
    },
  },
  {
    info: POD_EXEC,
    failure: 'allows exec or attach into pods',
    success: 'allows no exec or attach into pods',
    evaluate: (rule) => {
      if (!coversGroup(rule, '')) return undefined;
      const subresources = ['pods/exec', 'pods/attach'].filter((r) => coversResource(rule, r));
      // `get` counts: before Kubernetes 1.35 the API server authorized WebSocket exec/attach with `get`
      // only (ref. kubernetes/kubernetes#78741, fixed by #134577 behind AuthorizePodWebsocketUpgradeCreatePermission).
      // Polaris counts it too, and we must be at least as strict to merge with it.
      const verbs = grantedVerbs(rule, ['create', 'get']);
      if (subresources.length === 0 || verbs.length === 0) return undefined;
      return { rule, detail: `rules[${rule.index}] allows ${verbs.join(', ')} on ${subresources.join(', ')}` };
    },
  },
];

/** Verbs that bypass RBAC's own escalation prevention, where the rule applies them to what they act on. */
function escalationVerbs(rule: PolicyRule): string[] {
  const out: string[] = [];
  // ref. Kubernetes docs "Using RBAC Authorization", Privilege escalation prevention and bootstrapping.
  if (coversGroup(rule, 'rbac.authorization.k8s.io') && (coversResource(rule, 'roles') || coversResource(rule, 'clusterroles'))) {
    out.push(...grantedVerbs(rule, ['escalate', 'bind']));
  }
  if (coversVerb(rule, 'impersonate') && impersonationTargets(rule)) out.push('impersonate');
  return out;
}

/** ref. Kubernetes docs "Authenticating", User impersonation: users, groups, serviceaccounts, uids, userextras/<key>. */
function impersonationTargets(rule: PolicyRule): boolean {
  if (coversGroup(rule, '') && ['users', 'groups', 'serviceaccounts'].some((r) => coversResource(rule, r))) return true;
  return (
    coversGroup(rule, 'authentication.k8s.io') &&
    (coversResource(rule, 'uids') || rule.resources.some((r) => r.startsWith('userextras/') || r.startsWith('*/')))
  );
}

function isRole(resource: Resource): boolean {
  return isKind(resource, 'Role', RBAC_GROUP) || isKind(resource, 'ClusterRole', RBAC_GROUP);
}

/** One result per role and check; the path points at the first offending rule, the message lists all of them. */
function auditRole(resource: Resource): CheckResult[] {
  const rules = rulesOf(resource);
  return ROLE_CHECKS.map((check): CheckResult => {
    const offences = rules.flatMap((rule) => {
      const offence = check.evaluate(rule);
      return offence === undefined ? [] : [offence];
    });
    const first = offences[0];
    if (first === undefined) {
      return { checkId: check.info.id, compatibleId: bosunId(check.info.id), status: 'pass', message: `${resource.kind} ${check.success}`, resource };
    }
    let severity = first.severity ?? check.info.severity;
    for (const o of offences) severity = maxSeverity(severity, o.severity ?? check.info.severity);
    return {
      checkId: check.info.id,
      compatibleId: bosunId(check.info.id),
      status: 'fail',
      severity,
      message: `${resource.kind} ${check.failure}: ${offences.map((o) => o.detail).join('; ')}`,
      resource,
      path: ['rules', first.rule.index],
    };
  });
}

export const roleChecks: CheckGroup = {
  checks: ROLE_CHECKS.map((c) => c.info),
  run(context: AuditContext): CheckResult[] {
    // Kubernetes' own roles are skipped, not reported: they are the platform's, and a cluster dump holds dozens.
    return context.resources.filter((r) => isRole(r) && !isKubernetesDefault(r)).flatMap(auditRole);
  },
};
