/** Measurements the policy benchmark's child processes take. */
import type { Resource } from '../../src/k8s/index.js';
import type { LoadedPolicy, RuleStatus } from '../../src/policy/index.js';
import { createPolicyEngine } from '../../src/policy/index.js';

export interface LatencyFigures {
  resources: number;
  results: number;
  byStatus: Record<RuleStatus, number>;
  totalMs: number;
  /** Process CPU time over the timed pass: what the figures cost when the machine is shared. */
  cpuMs: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  /** The same percentiles of process CPU time per resource, which other processes do not inflate. */
  cpu: { p50Us: number; p90Us: number; p99Us: number };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/**
 * Evaluates each resource against the whole policy set, timing each call on its own. A warm-up pass
 * over the first resources lets V8 optimise and fills the engine's caches first, as a long-running
 * admission controller or a large `policy apply` would have them.
 */
export function measureLatency(policies: readonly LoadedPolicy[], resources: readonly Resource[], warmup = 1000): LatencyFigures {
  const engine = createPolicyEngine({ policies });
  for (const r of resources.slice(0, warmup)) engine.evaluate(r);
  const times = new Float64Array(resources.length);
  const cpuTimes = new Float64Array(resources.length);
  const byStatus: Record<RuleStatus, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  let results = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  resources.forEach((resource, i) => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = engine.evaluate(resource);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    cpuTimes[i] = c1.user + c1.system;
    results += out.length;
    for (const r of out) byStatus[r.status] += 1;
  });
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuUsed = process.cpuUsage(cpuStart);
  times.sort();
  cpuTimes.sort();
  return {
    resources: resources.length,
    results,
    byStatus,
    totalMs,
    cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    p50Us: percentile(times, 50),
    p90Us: percentile(times, 90),
    p99Us: percentile(times, 99),
    maxUs: times[times.length - 1] ?? 0,
    cpu: { p50Us: percentile(cpuTimes, 50), p90Us: percentile(cpuTimes, 90), p99Us: percentile(cpuTimes, 99) },
  };
}

/**
 * Mean CPU time per resource of each policy alone, slowest first: where to look when the target is
 * missed. CPU time, so a busy machine does not reorder the list.
 */
export function costPerPolicy(policies: readonly LoadedPolicy[], resources: readonly Resource[]): Array<{ policy: string; kind: string; meanUs: number }> {
  return policies
    .map((policy) => {
      const engine = createPolicyEngine({ policies: [policy] });
      for (const r of resources.slice(0, 200)) engine.evaluate(r);
      const c0 = process.cpuUsage();
      for (const r of resources) engine.evaluate(r);
      const used = process.cpuUsage(c0);
      return { policy: policy.name, kind: policy.kind, meanUs: (used.user + used.system) / resources.length };
    })
    .sort((a, b) => b.meanUs - a.meanUs);
}

/** heapUsed after two full collections (needs --expose-gc). */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
