import { asObject, asString } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck } from '../types.js';
import { failed, passed, requireWorkload } from '../verdict.js';

/**
 * The token is mounted unless the pod says `automountServiceAccountToken: false`, or the pod leaves
 * it unset and its ServiceAccount (same namespace) says false. The pod's own setting always wins.
 */
export const automountServiceAccountToken: PolarisCheck = {
  id: 'automountServiceAccountToken',
  info: sharedCheck('service-account-token-automount'),
  target: { level: 'pod-spec' },
  messages: {
    pass: 'Service account token is not mounted automatically',
    fail: 'Service account token is mounted automatically',
  },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const podSetting = spec['automountServiceAccountToken'];
    const path = [...specPath, 'automountServiceAccountToken'];
    if (podSetting === false) return passed(path);
    if (podSetting !== undefined) return failed(path, 'the pod enables it');
    // Kubernetes runs a pod without a service account name as `default` (serviceAccount is the old alias).
    const account = asString(spec['serviceAccountName']) ?? asString(spec['serviceAccount']) ?? 'default';
    const disabled = subject.index
      .inNamespace('ServiceAccount', subject.resource.namespace)
      .some((sa) => asObject(sa.object['metadata'])?.['name'] === account && sa.object['automountServiceAccountToken'] === false);
    return disabled ? passed() : failed([...specPath], `neither the pod nor ServiceAccount ${account} disables it`);
  },
};
