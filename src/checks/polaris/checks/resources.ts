import { getPath } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { SharedCheckId } from '../../catalog/index.js';
import type { PolarisCheck } from '../types.js';
import { requireContainer, verdict } from '../verdict.js';

/** Requests and limits; init containers are left out, as they run before the workload and briefly. */
function resourceCheck(
  id: string,
  shared: SharedCheckId,
  kind: 'requests' | 'limits',
  resource: 'cpu' | 'memory',
  what: string,
): PolarisCheck {
  return {
    id,
    info: sharedCheck(shared),
    target: { level: 'container' },
    excludeInitContainers: true,
    messages: { pass: `${what} is set`, fail: `${what} is not set` },
    evaluate(subject) {
      const c = requireContainer(subject);
      const field = ['resources', kind, resource];
      // Quantities are strings once decoded (see workload.ts); an empty one is as good as none.
      const value = getPath(c.value, field);
      return verdict(typeof value === 'string' && value !== '', [...c.path, ...field]);
    },
  };
}

export const cpuRequestsMissing = resourceCheck('cpuRequestsMissing', 'cpu-request-missing', 'requests', 'cpu', 'CPU request');
export const cpuLimitsMissing = resourceCheck('cpuLimitsMissing', 'cpu-limit-missing', 'limits', 'cpu', 'CPU limit');
export const memoryRequestsMissing = resourceCheck('memoryRequestsMissing', 'memory-request-missing', 'requests', 'memory', 'Memory request');
export const memoryLimitsMissing = resourceCheck('memoryLimitsMissing', 'memory-limit-missing', 'limits', 'memory', 'Memory limit');

export const RESOURCES = [cpuRequestsMissing, cpuLimitsMissing, memoryRequestsMissing, memoryLimitsMissing];
