import type { Resource } from '../../../k8s/index.js';
import { asString } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { ResourceIndex } from '../../resource-index.js';
import type { Auditor } from '../auditor.js';
import { SERVICE_ACCOUNT_FIELD_DEPRECATED } from '../checks.js';
import { applyOverride } from '../overrides.js';
import type { PodRef } from '../pod.js';
import { podOf } from '../pod.js';
import type { Issue } from '../result.js';

const AUTOMOUNT = sharedCheck('service-account-token-automount');
const OVERRIDE_LABEL = 'allow-automount-service-account-token';

/**
 * ref. kubeaudit asat auditor: a pod running as the `default` service account must not get its
 * token mounted. One result at most: the deprecated-field finding comes first, as in kubeaudit.
 */
export const asat = {
  name: 'asat',
  checks: [AUTOMOUNT, SERVICE_ACCOUNT_FIELD_DEPRECATED],
  audit(resource, context) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const result = applyOverride(issueOf(resource, pod, context.index), pod.scope, OVERRIDE_LABEL);
    return result === undefined ? [] : [result];
  },
} satisfies Auditor;

function issueOf(resource: Resource, pod: PodRef, index: ResourceIndex): Issue | undefined {
  const accountName = asString(pod.spec['serviceAccountName']) ?? '';
  const deprecatedName = asString(pod.spec['serviceAccount']) ?? '';
  if (deprecatedName !== '' && accountName === '') {
    return {
      rule: 'AutomountServiceAccountTokenDeprecated',
      level: 'warning',
      check: SERVICE_ACCOUNT_FIELD_DEPRECATED,
      message: `The pod names its service account with the deprecated serviceAccount field (${deprecatedName}); use serviceAccountName.`,
      resource,
      path: [...pod.specPath, 'serviceAccount'],
    };
  }
  if ((accountName === '' || accountName === 'default') && automountsToken(resource, pod, index)) {
    return {
      rule: 'AutomountServiceAccountTokenTrueAndDefaultSA',
      level: 'error',
      check: AUTOMOUNT,
      message: 'The pod runs as the default service account with its token mounted; set automountServiceAccountToken: false or use a dedicated service account.',
      resource,
      path: [...pod.specPath, pod.spec['automountServiceAccountToken'] === undefined ? 'serviceAccountName' : 'automountServiceAccountToken'],
    };
  }
  return undefined;
}

/** The pod's own setting wins; otherwise the `default` ServiceAccount's, when it is among the resources. */
function automountsToken(resource: Resource, pod: PodRef, index: ResourceIndex): boolean {
  const own = pod.spec['automountServiceAccountToken'];
  if (typeof own === 'boolean') return own;
  const account = index.ofKind('ServiceAccount').find((sa) => sa.name === 'default' && mayShareNamespace(sa, resource));
  return account?.object['automountServiceAccountToken'] !== false;
}

/** A manifest without a namespace lands wherever it is applied, so it may pair with any namespace. */
function mayShareNamespace(a: Resource, b: Resource): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}
