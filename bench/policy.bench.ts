/**
 * The Kyverno-compatible policy engine on about 50 validate policies from the Kyverno library
 * (Pod Security baseline/restricted and best practices, in JMESPath, CEL and ValidatingPolicy form)
 * against generated Pods and Deployments: resources/s, per-resource latency (p50/p90/p99, each
 * resource against the whole set), the slowest policies, and the heap the loaded set holds.
 * Run: npm run build && npm run bench:policy [count]   (target: p99 < 1 ms per resource)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPolicyEngine } from '../src/policy/index.js';
import { generateWorkloads } from './policy/generate.js';
import type { LatencyFigures } from './policy/measure.js';
import { costPerPolicy, measureLatency, settledHeap } from './policy/measure.js';
import { selectPolicies } from './policy/select.js';

const TARGET_P99_US = 1000;

if (process.argv[2] === '--child') {
  const mode = process.argv[3];
  const count = Number(process.argv[4] ?? 10000);
  if (mode === 'latency') {
    const selection = selectPolicies();
    const resources = generateWorkloads(count);
    const latency = measureLatency(selection.policies, resources);
    const slowest = costPerPolicy(selection.policies, resources.slice(0, 2000)).slice(0, 8);
    const kinds: Record<string, number> = {};
    for (const p of selection.policies) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    const rules = selection.policies.reduce((n, p) => n + p.rules.length, 0);
    process.stdout.write(JSON.stringify({ folders: selection.folders.length, policies: selection.policies.length, rules, droppedRules: selection.droppedRules, kinds, latency, slowest }));
  } else {
    // Heap: resources first (not counted), then the loaded set and engine, then the same after one
    // pass over the resources, which adds whatever the engine compiles and caches on first use.
    const resources = generateWorkloads(Math.min(count, 2000));
    const base = settledHeap();
    const selection = selectPolicies();
    const engine = createPolicyEngine({ policies: selection.policies });
    const loaded = settledHeap();
    for (const r of resources) engine.evaluate(r);
    const warmed = settledHeap();
    process.stdout.write(JSON.stringify({ loadedMB: (loaded - base) / 2 ** 20, warmedMB: (warmed - base) / 2 ** 20, keep: engine === undefined }));
  }
  process.exit(0);
}

function child(mode: 'latency' | 'heap', count: number): string {
  const self = fileURLToPath(import.meta.url);
  // One core, as the target assumes; without taskset the OS may still move the process around.
  const pinned = existsSync('/usr/bin/taskset');
  const args = [...(mode === 'heap' ? ['--expose-gc'] : []), self, '--child', mode, String(count)];
  const run = pinned ? spawnSync('/usr/bin/taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
  return run.stdout;
}

const count = Number(process.argv[2] ?? 10000);
const figures = JSON.parse(child('latency', count)) as { folders: number; policies: number; rules: number; droppedRules: number; kinds: Record<string, number>; latency: LatencyFigures; slowest: Array<{ policy: string; kind: string; meanUs: number }> };
const heap = JSON.parse(child('heap', count)) as { loadedMB: number; warmedMB: number };
const l = figures.latency;
console.log(`policy set: ${figures.policies} policies from ${figures.folders} library folders (${Object.entries(figures.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}), ${figures.rules} validate rules${figures.droppedRules > 0 ? `, ${figures.droppedRules} non-validate rules left out` : ''}`);
console.log(`resources: ${l.resources} generated Pods and Deployments; ${l.results} rule results (${Object.entries(l.byStatus).map(([s, n]) => `${s} ${n}`).join(', ')})`);
console.log(`throughput: ${((l.resources / l.totalMs) * 1000).toFixed(0)} resources/s wall (${l.totalMs.toFixed(0)} ms, one core, in process); ${((l.resources / l.cpuMs) * 1000).toFixed(0)} resources per CPU second`);
console.log(`latency per resource (whole set): p50 ${(l.p50Us / 1000).toFixed(3)} ms, p90 ${(l.p90Us / 1000).toFixed(3)} ms, p99 ${(l.p99Us / 1000).toFixed(3)} ms, max ${(l.maxUs / 1000).toFixed(3)} ms — target p99 < 1 ms: ${l.p99Us < TARGET_P99_US ? 'met' : 'MISSED'}`);
console.log(`CPU time per resource (not inflated by other processes): p50 ${(l.cpu.p50Us / 1000).toFixed(3)} ms, p90 ${(l.cpu.p90Us / 1000).toFixed(3)} ms, p99 ${(l.cpu.p99Us / 1000).toFixed(3)} ms`);
const load = loadavg()[0] ?? 0;
if (load > cpus().length) console.log(`note: load average ${load.toFixed(1)} on ${cpus().length} CPUs while measuring; wall-clock figures are inflated, compare CPU figures`);
console.log(`heap of the policy set: ${heap.loadedMB.toFixed(2)} MB loaded, ${heap.warmedMB.toFixed(2)} MB after first use (compiled expressions cached)`);
console.log('slowest policies (mean CPU time per resource, each alone):');
for (const s of figures.slowest) console.log(`  ${(s.meanUs / 1000).toFixed(3)} ms  ${s.policy} (${s.kind})`);
