/**
 * `bosun scan config` end to end on a generated 10,000-manifest corpus and on Argo CD's install
 * bundle, against the floor: parsing the same text with the same parser. Prints throughput, ratios
 * and peak RSS. Run: npm run build && node dist/bench/scan-config.bench.js [count]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadText } from '../src/adapters/manifests/index.js';
import { parseYamlStream } from '../src/kernel/index.js';
import { runCli } from '../src/cli/program.js';
import { generateCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

if (process.argv[2] === '--child') {
  // Child mode: one measured run in a fresh process, so peak RSS is the scan's alone.
  const [mode, file] = [process.argv[3], process.argv[4] ?? ''];
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  let count = 0;
  if (mode === 'parse') {
    count = parseYamlStream(text, { file }).documents.length;
  } else if (mode === 'load') {
    count = loadText(file, text).resources.length;
  } else {
    const sink = { write: () => undefined, isTTY: false };
    await runCli(['scan', 'config', file, '-f', 'json', '-o', '/dev/null'], {
      stdout: sink, stderr: sink, readStdin: async () => new Uint8Array(), cwd: process.cwd(), env: {}, now: () => new Date(),
    });
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, count, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

interface Measure { ms: number; count: number; maxRssMB: number }

function measure(mode: 'parse' | 'load' | 'scan', file: string, runs = 3): Measure {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout) as Measure);
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)] ?? { ms: 0, count: 0, maxRssMB: 0 };
}

function e2e(file: string): { ms: number; maxRssMB: number } {
  // The real binary, as a user runs it: includes Node start-up and module loading.
  const runs: Array<{ ms: number; maxRssMB: number }> = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const child = spawnSync('/usr/bin/env', ['bash', '-c', `command -v /usr/bin/time >/dev/null && /usr/bin/time -f %M ${process.execPath} ${join(repo, 'dist/src/main.js')} scan config ${file} -f json -o /dev/null || ${process.execPath} ${join(repo, 'dist/src/main.js')} scan config ${file} -f json -o /dev/null`], { encoding: 'utf8' });
    const ms = performance.now() - start;
    const rssKb = Number(/(\d+)\s*$/.exec(child.stderr.trim())?.[1] ?? 0);
    runs.push({ ms, maxRssMB: rssKb / 1024 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1] ?? { ms: 0, maxRssMB: 0 };
}

const count = Number(process.argv[2] ?? 10000);
const outDir = join(repo, 'bench/out');
mkdirSync(outDir, { recursive: true });
const corpus = join(outDir, `corpus-${count}.yaml`);
if (!existsSync(corpus)) writeFileSync(corpus, generateCorpus(count));
const argo = resolve(repo, '../shared/bench-data/argo-cd-install.yaml');

for (const [label, file] of [[`generated ${count} manifests`, corpus], ['argo-cd-install.yaml', argo]] as const) {
  if (!existsSync(file)) {
    console.log(`${label}: missing ${file}, skipped`);
    continue;
  }
  const size = readFileSync(file).byteLength;
  const parse = measure('parse', file);
  const load = measure('load', file);
  const scan = measure('scan', file);
  const whole = e2e(file);
  console.log(`\n${label} (${(size / 1e6).toFixed(1)} MB, ${parse.count} documents)`);
  console.log(`  parse floor (js-yaml events + values): ${parse.ms.toFixed(0)} ms  (${((parse.count / parse.ms) * 1000).toFixed(0)} docs/s)`);
  console.log(`  load (parse + resources):              ${load.ms.toFixed(0)} ms`);
  console.log(`  scan config in-process (all families): ${scan.ms.toFixed(0)} ms  (${((parse.count / scan.ms) * 1000).toFixed(0)} manifests/s), ${(scan.ms / parse.ms).toFixed(2)}x the parse floor, peak RSS ${scan.maxRssMB.toFixed(0)} MB`);
  console.log(`  bosun scan config end to end (process): ${whole.ms.toFixed(0)} ms  (${((parse.count / whole.ms) * 1000).toFixed(0)} manifests/s)${whole.maxRssMB > 0 ? `, peak RSS ${whole.maxRssMB.toFixed(0)} MB` : ''}`);
}
