import type { Severity } from '../../findings/index.js';
import type { Resource } from '../../k8s/index.js';
import { asArray, asObject, asString } from '../../k8s/index.js';
import type { AuditContext, CheckResult } from '../types.js';
import type { CheckGroup } from './group.js';
import { bosunId, CORE_GROUP, isKind, ownCheck } from './group.js';

export const SERVICE_EXPOSED = ownCheck({
  id: 'service-exposed',
  title: 'Service is reachable from outside the cluster',
  severity: 'medium',
  category: 'Networking',
  description:
    'NodePort opens the port on every node, LoadBalancer asks the cloud for an address that is usually public, ' +
    'and externalIPs make every node accept traffic for those addresses. Each is attack surface beyond the ' +
    'cluster network that should be a deliberate choice.',
  remediation:
    'Use a ClusterIP Service behind an Ingress or Gateway where possible. A LoadBalancer that must stay should ' +
    'set `spec.loadBalancerSourceRanges` to the clients that need it, or use your cloud\'s internal load balancer annotation.',
});

/**
 * Annotations that keep a cloud load balancer on the private network. ref. the cloud providers' docs:
 * AWS (in-tree and Load Balancer Controller), Azure, GKE, OCI, IBM Cloud, Alibaba Cloud.
 */
const INTERNAL_LB_ANNOTATIONS: ReadonlyArray<[string, (value: string) => boolean]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v !== 'false'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v === 'true'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v === 'true'],
  ['oci-network-load-balancer.oraclecloud.com/internal', (v) => v === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', (v) => v === 'intranet'],
];

const OPEN_RANGES = new Set(['0.0.0.0/0', '::/0']);

function internalAnnotation(service: Resource): string | undefined {
  const found = INTERNAL_LB_ANNOTATIONS.find(([key, accepts]) => {
    const value = service.annotations[key];
    return value !== undefined && accepts(value);
  });
  return found?.[0];
}

function strings(value: unknown): string[] {
  return asArray(value).flatMap((v) => (typeof v === 'string' && v !== '' ? [v] : []));
}

/**
 * Severity follows reach. A LoadBalancer open to any address is on the internet on most clouds: medium,
 * not high, because serving the public is often its very purpose; the finding asks for a deliberate choice.
 * externalIPs are medium too (traffic for any listed address is captured, ref. CVE-2020-8554).
 * NodePort and restricted or internal load balancers are low: reach is bounded by the node and VPC
 * firewalls or by the listed ranges, but the service still skips the cluster's ingress layer.
 */
function auditService(service: Resource): CheckResult {
  const base = { checkId: SERVICE_EXPOSED.id, compatibleId: bosunId(SERVICE_EXPOSED.id), resource: service };
  const spec = asObject(service.object['spec']) ?? {};
  const type = asString(spec['type']) ?? 'ClusterIP';
  const externalIPs = strings(spec['externalIPs']);
  // externalIPs widen any type; mention them alongside the type rather than as a second result.
  const alsoExternal = externalIPs.length > 0 && type !== 'ClusterIP' ? `; it also accepts traffic for externalIPs ${externalIPs.join(', ')}` : '';
  const fail = (severity: Severity, message: string, path: readonly string[]): CheckResult => ({
    ...base,
    status: 'fail',
    severity,
    message: `${message}${alsoExternal}`,
    path,
  });
  if (type === 'LoadBalancer') {
    const internal = internalAnnotation(service);
    const ranges = strings(spec['loadBalancerSourceRanges']);
    if (internal !== undefined) return fail('low', `Service type LoadBalancer, kept internal by annotation ${internal}`, ['spec', 'type']);
    if (ranges.length > 0 && !ranges.some((r) => OPEN_RANGES.has(r))) {
      return fail('low', `Service type LoadBalancer, restricted to ${ranges.join(', ')}`, ['spec', 'type']);
    }
    const why = ranges.length === 0 ? 'no loadBalancerSourceRanges' : `loadBalancerSourceRanges allows ${ranges.filter((r) => OPEN_RANGES.has(r)).join(', ')}`;
    return fail('medium', `Service type LoadBalancer is reachable from any address (${why})`, ['spec', 'type']);
  }
  if (type === 'NodePort') return fail('low', 'Service type NodePort opens its ports on every node', ['spec', 'type']);
  if (externalIPs.length > 0) {
    return fail('medium', `Service accepts traffic for externalIPs ${externalIPs.join(', ')}`, ['spec', 'externalIPs']);
  }
  return { ...base, status: 'pass', message: `Service type ${type} is not exposed outside the cluster` };
}

export const serviceChecks: CheckGroup = {
  checks: [SERVICE_EXPOSED],
  run(context: AuditContext): CheckResult[] {
    return context.resources.filter((r) => isKind(r, 'Service', CORE_GROUP)).map(auditService);
  },
};
