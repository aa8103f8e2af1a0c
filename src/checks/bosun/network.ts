import type { Resource } from '../../k8s/index.js';
import { apiGroup } from '../../k8s/index.js';
import { sameNamespace } from '../resource-index.js';
import type { AuditContext, CheckResult } from '../types.js';
import type { CheckGroup } from './group.js';
import { bosunId, CORE_GROUP, isKind, ownCheck } from './group.js';

export const NAMESPACE_NETWORK_POLICY_MISSING = ownCheck({
  id: 'namespace-network-policy-missing',
  title: 'Namespace runs workloads without any NetworkPolicy',
  severity: 'medium',
  category: 'Networking',
  description:
    'Pods are non-isolated until a NetworkPolicy selects them: every pod in the cluster can reach them and they ' +
    'can reach anything, so one compromised pod can move laterally into this namespace and out of it.',
  remediation:
    'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]`), ' +
    'then allow the flows the workloads need with further policies.',
});

/** Kinds that run pods, in the API groups that serve them (PodTemplate runs nothing by itself). */
const WORKLOADS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['']],
  ['ReplicationController', ['']],
  ['Deployment', ['apps', 'extensions']],
  ['ReplicaSet', ['apps', 'extensions']],
  ['StatefulSet', ['apps']],
  ['DaemonSet', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['CronJob', ['batch']],
]);

function isWorkload(resource: Resource): boolean {
  return WORKLOADS.get(resource.kind)?.includes(apiGroup(resource.apiVersion)) ?? false;
}

/**
 * Namespaced policy kinds that isolate pods: the Kubernetes NetworkPolicy and the same-named Calico kinds
 * (any group), and Cilium's. Cluster-wide policies (Calico GlobalNetworkPolicy, AdminNetworkPolicy,
 * CiliumClusterwideNetworkPolicy) would need namespace labels and selector evaluation; they are not counted.
 */
function isNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'NetworkPolicy' || resource.kind === 'CiliumNetworkPolicy';
}

/**
 * One result per namespace that has workloads: on its Namespace object when the input has one,
 * else on its first workload. A namespace without workloads has nothing to isolate and gets no result.
 */
function auditNamespaces(context: AuditContext): CheckResult[] {
  const workloadsByNamespace = new Map<string, Resource[]>();
  for (const resource of context.resources) {
    if (!isWorkload(resource)) continue;
    // An unset namespace lands in `default` when applied without -n.
    const namespace = resource.namespace ?? 'default';
    const list = workloadsByNamespace.get(namespace);
    if (list === undefined) workloadsByNamespace.set(namespace, [resource]);
    else list.push(resource);
  }
  const policies = context.resources.filter(isNetworkPolicy);
  const namespaceObjects = context.index.ofKind('Namespace').filter((r) => isKind(r, 'Namespace', CORE_GROUP));
  const results: CheckResult[] = [];
  for (const [namespace, workloads] of workloadsByNamespace) {
    const first = workloads[0];
    if (first === undefined) continue;
    const subject = namespaceObjects.find((r) => r.name === namespace) ?? first;
    const base = { checkId: NAMESPACE_NETWORK_POLICY_MISSING.id, compatibleId: bosunId(NAMESPACE_NETWORK_POLICY_MISSING.id), resource: subject };
    const count = policies.filter((p) => sameNamespace(p.namespace, namespace)).length;
    const runs = `${workloads.length} workload${workloads.length === 1 ? '' : 's'}`;
    results.push(
      count === 0
        ? { ...base, status: 'fail', message: `Namespace ${namespace} runs ${runs} and has no NetworkPolicy` }
        : { ...base, status: 'pass', message: `Namespace ${namespace} has ${count} NetworkPolic${count === 1 ? 'y' : 'ies'}` },
    );
  }
  return results;
}

export const networkChecks: CheckGroup = {
  checks: [NAMESPACE_NETWORK_POLICY_MISSING],
  run: auditNamespaces,
};
