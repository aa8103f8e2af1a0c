import { asArray, asObject, stringMap } from '../../../k8s/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import { POLARIS_ONLY_CHECKS } from '../info.js';
import type { PolarisCheck } from '../types.js';
import { failed, passed, verdict, requireWorkload } from '../verdict.js';
import { selectsByLabels } from './selection.js';

/**
 * A NetworkPolicy in the pods' namespace must select them and restrict both directions: ingress and
 * egress rules present, and policyTypes (when listed) naming both so the egress rules apply.
 */
export const missingNetworkPolicy: PolarisCheck = {
  id: 'missingNetworkPolicy',
  info: sharedCheck('network-policy-missing'),
  target: { level: 'pod-template' },
  messages: {
    pass: 'A NetworkPolicy selects the pods and restricts ingress and egress',
    fail: 'No NetworkPolicy selects the pods with both ingress and egress rules',
  },
  evaluate(subject) {
    const { template, templatePath } = requireWorkload(subject);
    const labels = stringMap(asObject(template['metadata'])?.['labels']);
    const labelsPath = [...templatePath, 'metadata', 'labels'];
    // Policies pick pods by label; unlabelled pods are covered by none in practice.
    if (Object.keys(labels).length === 0) return failed(labelsPath, 'the pods have no labels');
    const covered = subject.index
      .inNamespace('NetworkPolicy', subject.resource.namespace)
      .some((policy) => restrictsBothWays(asObject(policy.object['spec']), labels));
    return covered ? passed() : failed(labelsPath);
  },
};

function restrictsBothWays(spec: JsonObject | undefined, labels: Record<string, string>): boolean {
  if (spec === undefined || !selectsByLabels(spec['podSelector'], labels)) return false;
  if (asArray(spec['ingress']).length === 0 || asArray(spec['egress']).length === 0) return false;
  const types = spec['policyTypes'];
  if (types === undefined || types === null) return true;
  const listed = asArray(types).map((t) => (typeof t === 'string' ? t.toLowerCase() : ''));
  return listed.includes('ingress') && listed.includes('egress');
}

/** An empty `tls` list configures nothing, so it counts as missing. */
export const tlsSettingsMissing: PolarisCheck = {
  id: 'tlsSettingsMissing',
  info: POLARIS_ONLY_CHECKS.tlsSettingsMissing,
  target: { level: 'kind', kind: 'Ingress' },
  messages: { pass: 'Ingress configures TLS', fail: 'Ingress has no spec.tls' },
  evaluate(subject) {
    const tls = asObject(subject.resource.object['spec'])?.['tls'];
    return verdict(Array.isArray(tls) && tls.length > 0, ['spec', 'tls']);
  },
};

export const NETWORK = [missingNetworkPolicy, tlsSettingsMissing];
