import { asObject, isObject } from '../../../k8s/index.js';
import { POLARIS_ONLY_CHECKS } from '../info.js';
import type { PolarisCheck } from '../types.js';
import { failed, passed, verdict } from '../verdict.js';

/** HorizontalPodAutoscaler and PodDisruptionBudget settings that defeat their own purpose. */

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

export const hpaMaxAvailability: PolarisCheck = {
  id: 'hpaMaxAvailability',
  info: POLARIS_ONLY_CHECKS.hpaMaxAvailability,
  target: { level: 'kind', kind: 'HorizontalPodAutoscaler' },
  messages: { pass: 'HPA can scale above its minimum', fail: 'HPA maxReplicas is not above minReplicas' },
  evaluate(subject) {
    const spec = asObject(subject.resource.object['spec']);
    if (spec === undefined) return passed();
    const min = spec['minReplicas'];
    const max = spec['maxReplicas'];
    if (min !== undefined && min !== null && !(isInteger(min) && min >= 1)) return failed(['spec', 'minReplicas']);
    if (!isInteger(max) || max < 1) return failed(['spec', 'maxReplicas'], 'maxReplicas must be a positive integer');
    return isInteger(min) && min > 0 && max <= min ? failed(['spec', 'maxReplicas'], `maxReplicas ${max} <= minReplicas ${min}`) : passed();
  },
};

export const hpaMinAvailability: PolarisCheck = {
  id: 'hpaMinAvailability',
  info: POLARIS_ONLY_CHECKS.hpaMinAvailability,
  target: { level: 'kind', kind: 'HorizontalPodAutoscaler' },
  messages: { pass: 'HPA keeps at least two replicas', fail: 'HPA minReplicas is below 2' },
  evaluate(subject) {
    const min = asObject(subject.resource.object['spec'])?.['minReplicas'];
    // Unset is left alone, as in Polaris (the API default is 1).
    if (min === undefined || min === null) return passed();
    return verdict(isInteger(min) && min >= 2, ['spec', 'minReplicas']);
  },
};

export const pdbDisruptionsIsZero: PolarisCheck = {
  id: 'pdbDisruptionsIsZero',
  info: POLARIS_ONLY_CHECKS.pdbDisruptionsIsZero,
  target: { level: 'kind', kind: 'PodDisruptionBudget' },
  messages: { pass: 'Budget allows voluntary evictions', fail: 'Budget allows no voluntary eviction' },
  evaluate(subject) {
    const spec = subject.resource.object['spec'];
    if (!isObject(spec)) return failed(['spec'], 'spec is missing');
    if (spec['minAvailable'] === '100%') return failed(['spec', 'minAvailable'], 'minAvailable is 100%');
    const max = spec['maxUnavailable'];
    if (max === 0 || max === '0%') return failed(['spec', 'maxUnavailable'], `maxUnavailable is ${String(max)}`);
    return passed();
  },
};

export const AUTOSCALING = [hpaMaxAvailability, hpaMinAvailability, pdbDisruptionsIsZero];
