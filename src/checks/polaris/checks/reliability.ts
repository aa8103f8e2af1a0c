import { asObject, getPath, isObject } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import { POLARIS_ONLY_CHECKS } from '../info.js';
import type { PolarisCheck } from '../types.js';
import { requireContainer, failed, passed, verdict, requireWorkload } from '../verdict.js';

/** Probes make no sense for run-to-completion pods, so batch kinds and init containers are left out. */
function probeCheck(id: 'readinessProbeMissing' | 'livenessProbeMissing', field: string, what: string): PolarisCheck {
  return {
    id,
    info: POLARIS_ONLY_CHECKS[id],
    target: { level: 'container' },
    controllers: { exclude: ['Job', 'CronJob'] },
    excludeInitContainers: true,
    messages: { pass: `${what} probe is configured`, fail: `${what} probe is not configured` },
    evaluate(subject) {
      const c = requireContainer(subject);
      return verdict(isObject(c.value[field]), [...c.path, field]);
    },
  };
}

export const readinessProbeMissing = probeCheck('readinessProbeMissing', 'readinessProbe', 'Readiness');
export const livenessProbeMissing = probeCheck('livenessProbeMissing', 'livenessProbe', 'Liveness');

export const pullPolicyNotAlways: PolarisCheck = {
  id: 'pullPolicyNotAlways',
  info: POLARIS_ONLY_CHECKS.pullPolicyNotAlways,
  target: { level: 'container' },
  messages: { pass: 'Image is pulled on every start', fail: 'imagePullPolicy is not Always' },
  evaluate(subject) {
    const c = requireContainer(subject);
    return verdict(c.value['imagePullPolicy'] === 'Always', [...c.path, 'imagePullPolicy']);
  },
};

/**
 * Polaris's rule, kept for score compatibility: the reference must have a `:` followed by something
 * (a digest counts) and must not end in `:latest`.
 */
const HAS_TAG = /^.+:.+$/;
const LATEST = /^.+:latest$/;

export const tagNotSpecified: PolarisCheck = {
  id: 'tagNotSpecified',
  info: sharedCheck('image-tag-missing'),
  target: { level: 'container' },
  messages: { pass: 'Image is pinned to a tag', fail: 'Image has no tag or uses latest' },
  evaluate(subject) {
    const c = requireContainer(subject);
    const image = c.value['image'];
    const ok = typeof image === 'string' && image !== '' && HAS_TAG.test(image) && !LATEST.test(image);
    return verdict(ok, [...c.path, 'image'], typeof image === 'string' ? image : undefined);
  },
};

export const priorityClassNotSet: PolarisCheck = {
  id: 'priorityClassNotSet',
  info: POLARIS_ONLY_CHECKS.priorityClassNotSet,
  target: { level: 'pod-spec' },
  messages: { pass: 'Priority class is set', fail: 'priorityClassName is not set' },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const value = spec['priorityClassName'];
    return verdict(typeof value === 'string' && value !== '', [...specPath, 'priorityClassName']);
  },
};

export const topologySpreadConstraint: PolarisCheck = {
  id: 'topologySpreadConstraint',
  info: POLARIS_ONLY_CHECKS.topologySpreadConstraint,
  target: { level: 'pod-spec' },
  controllers: { exclude: ['Job', 'CronJob'] },
  messages: { pass: 'Pods have a topology spread constraint', fail: 'Pods have no topology spread constraint' },
  evaluate(subject) {
    const { spec, specPath } = requireWorkload(subject);
    const value = spec['topologySpreadConstraints'];
    return verdict(Array.isArray(value) && value.length > 0, [...specPath, 'topologySpreadConstraints']);
  },
};

export const deploymentMissingReplicas: PolarisCheck = {
  id: 'deploymentMissingReplicas',
  info: POLARIS_ONLY_CHECKS.deploymentMissingReplicas,
  target: { level: 'controller' },
  controllers: { include: ['Deployment'] },
  messages: { pass: 'Deployment runs several replicas', fail: 'Deployment runs a single replica (spec.replicas unset or below 2)' },
  evaluate(subject) {
    // Unset means 1, the Kubernetes default.
    const replicas = getPath(subject.resource.object, ['spec', 'replicas']);
    return verdict(typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 2, ['spec', 'replicas']);
  },
};

export const metadataAndInstanceMismatched: PolarisCheck = {
  id: 'metadataAndInstanceMismatched',
  info: POLARIS_ONLY_CHECKS.metadataAndInstanceMismatched,
  target: { level: 'controller' },
  messages: {
    pass: 'app.kubernetes.io/instance label matches metadata.name',
    fail: 'app.kubernetes.io/instance label is missing or differs from metadata.name',
  },
  evaluate(subject) {
    const metadata = asObject(subject.resource.object['metadata']);
    if (metadata === undefined) return passed();
    const labels = asObject(metadata['labels']);
    const path = ['metadata', 'labels', 'app.kubernetes.io/instance'];
    if (labels === undefined) return failed(['metadata']);
    const instance = labels['app.kubernetes.io/instance'];
    const name = metadata['name'];
    return verdict(instance !== undefined && instance === name, path);
  },
};

export const RELIABILITY = [
  readinessProbeMissing, livenessProbeMissing, pullPolicyNotAlways, tagNotSpecified, priorityClassNotSet,
  topologySpreadConstraint, deploymentMissingReplicas, metadataAndInstanceMismatched,
];
