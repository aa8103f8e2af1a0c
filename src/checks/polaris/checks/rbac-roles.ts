import { asArray, asObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { PolarisCheck, Subject, Verdict } from '../types.js';
import { failed, passed } from '../verdict.js';
import { allowsPodExec, isSystemName } from './rbac-rules.js';

/** Default ClusterRoles that grant exec by design; reporting them would only be noise. */
const DEFAULT_EXEC_CLUSTER_ROLES = new Set(['admin', 'cluster-admin', 'edit']);

function execRuleVerdict(subject: Subject): Verdict {
  const rules = asArray(subject.resource.object['rules']);
  const index = rules.findIndex(allowsPodExec);
  return index < 0 ? passed() : failed(['rules', index]);
}

export const clusterrolePodExecAttach: PolarisCheck = {
  id: 'clusterrolePodExecAttach',
  info: sharedCheck('rbac-pod-exec'),
  target: { level: 'kind', kind: 'ClusterRole' },
  messages: { pass: 'ClusterRole grants no pods/exec or pods/attach', fail: 'ClusterRole grants pods/exec or pods/attach' },
  evaluate(subject) {
    const name = asObject(subject.resource.object['metadata'])?.['name'];
    if (isSystemName(name) || (typeof name === 'string' && DEFAULT_EXEC_CLUSTER_ROLES.has(name))) return passed();
    return execRuleVerdict(subject);
  },
};

export const rolePodExecAttach: PolarisCheck = {
  id: 'rolePodExecAttach',
  info: sharedCheck('rbac-pod-exec'),
  target: { level: 'kind', kind: 'Role' },
  messages: { pass: 'Role grants no pods/exec or pods/attach', fail: 'Role grants pods/exec or pods/attach' },
  evaluate(subject) {
    const name = asObject(subject.resource.object['metadata'])?.['name'];
    return isSystemName(name) ? passed() : execRuleVerdict(subject);
  },
};

export const RBAC_ROLES = [clusterrolePodExecAttach, rolePodExecAttach];
