import type { PathSegment } from '../../../kernel/index.js';
import type { JsonObject } from '../../../k8s/index.js';
import { asObject, getPath, parseQuantity } from '../../../k8s/index.js';
import { sharedCheck } from '../../catalog/index.js';
import type { CheckInfo, CheckResult } from '../../types.js';
import type { Auditor } from '../auditor.js';
import { podOf } from '../pod.js';
import type { Issue } from '../result.js';
import { issueResult } from '../result.js';

const CPU_MISSING = sharedCheck('cpu-limit-missing');
const MEMORY_MISSING = sharedCheck('memory-limit-missing');
const CPU_TOO_HIGH = sharedCheck('cpu-limit-too-high');
const MEMORY_TOO_HIGH = sharedCheck('memory-limit-too-high');

interface LimitedResource {
  key: 'cpu' | 'memory';
  label: string;
  missingRule: string;
  exceededRule: string;
  missing: CheckInfo;
  tooHigh: CheckInfo;
  /**
   * Compares in whole units kubeaudit uses: millicores for CPU, bytes for memory, each rounded
   * up, so `0.0005` CPU counts as 1m.
   */
  units: (quantity: number) => number;
}

const RESOURCES: readonly LimitedResource[] = [
  { key: 'cpu', label: 'CPU', missingRule: 'LimitsCPUNotSet', exceededRule: 'LimitsCPUExceeded', missing: CPU_MISSING, tooHigh: CPU_TOO_HIGH, units: (q) => roundUp(q * 1000) },
  { key: 'memory', label: 'memory', missingRule: 'LimitsMemoryNotSet', exceededRule: 'LimitsMemoryExceeded', missing: MEMORY_MISSING, tooHigh: MEMORY_TOO_HIGH, units: roundUp },
];

/** ref. kubeaudit limits auditor: every container sets CPU and memory limits, within the configured maximums. */
export const limits = {
  name: 'limits',
  checks: [CPU_MISSING, MEMORY_MISSING, CPU_TOO_HIGH, MEMORY_TOO_HIGH],
  audit(resource, context) {
    const pod = podOf(resource);
    if (pod === undefined) return [];
    const maximums = { cpu: context.settings.maxCpu, memory: context.settings.maxMemory };
    const out: CheckResult[] = [];
    for (const ref of pod.containers) {
      const limitsPath = [...ref.path, 'resources', 'limits'];
      const limitsObject = asObject(getPath(ref.container, ['resources', 'limits']));
      const base = { resource, container: ref.name, level: 'warning' as const };
      if (limitsObject === undefined) {
        // kubeaudit's single LimitsNotSet is two facts for Bosun; the same rule answers both.
        const message = `Container ${ref.name} sets no resource limits.`;
        for (const r of RESOURCES) out.push(issueResult({ ...base, rule: 'LimitsNotSet', check: r.missing, path: limitsPath, message }));
        continue;
      }
      for (const r of RESOURCES) {
        const issue = auditLimit(r, limitsObject, limitsPath, maximums[r.key], ref.name);
        if (issue !== undefined) out.push(issueResult({ ...base, ...issue }));
      }
    }
    return out;
  },
} satisfies Auditor;

function auditLimit(r: LimitedResource, limitsObject: JsonObject, limitsPath: readonly PathSegment[], maximum: string | undefined, container: string): Pick<Issue, 'rule' | 'check' | 'path' | 'message'> | undefined {
  const raw = limitsObject[r.key];
  const value = parseQuantity(raw);
  // kubeaudit reads a zero limit as no limit: Kubernetes would treat it as unbounded too.
  if (value === undefined || value === 0) {
    return { rule: r.missingRule, check: r.missing, path: [...limitsPath], message: `Container ${container} sets no ${r.label} limit.` };
  }
  const max = maximum === undefined ? undefined : parseQuantity(maximum);
  if (max === undefined || r.units(max) <= 0 || r.units(value) <= r.units(max)) return undefined;
  return {
    rule: r.exceededRule,
    check: r.tooHigh,
    path: [...limitsPath, r.key],
    message: `Container ${container} sets a ${r.label} limit of ${String(raw)}, above the maximum of ${maximum}.`,
  };
}

/** Rounds up, ignoring float noise such as 750.0000000001 from `750m * 1000`. */
function roundUp(value: number): number {
  return Math.ceil(value - 1e-9);
}
