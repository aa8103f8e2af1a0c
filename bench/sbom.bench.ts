/**
 * `bosun sbom` on the real bookworm test image (a docker-save archive and an OCI layout built by
 * test/support/bookworm-image.ts): cold (empty layer cache) and warm inventory time, bytes read
 * against the image size, peak RSS; and on a generated node_modules tree of 2,000 packages.
 * Each measured run is a fresh child process so its RSS is its own.
 * Run: npm run build && node dist/bench/sbom.bench.js
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/program.js';
import { bookwormImage } from '../test/support/bookworm-image.js';

/** Bytes this process has read through read(2) so far (page cache included): what Bosun pulled in. */
function bytesRead(): number {
  const io = readFileSync('/proc/self/io', 'utf8');
  return Number(/^rchar:\s*(\d+)/m.exec(io)?.[1] ?? 0);
}

if (process.argv[2] === '--child') {
  const args = process.argv.slice(3);
  const sink = { write: () => undefined, isTTY: false };
  const before = bytesRead();
  const start = performance.now();
  const code = await runCli(['sbom', ...args, '-f', 'json', '-o', '/dev/null'], {
    stdout: sink, stderr: { write: (s: string) => process.stderr.write(s), isTTY: false }, readStdin: async () => new Uint8Array(), cwd: process.cwd(), env: process.env, now: () => new Date(),
  });
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ code, ms, readMB: (bytesRead() - before) / 1048576, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

interface Measure { code: number; ms: number; readMB: number; maxRssMB: number }

function once(args: string[]): Measure {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Measure;
}

function median(runs: Measure[]): Measure {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] ?? { code: -1, ms: 0, readMB: 0, maxRssMB: 0 };
}

function row(label: string, m: Measure, extra = ''): void {
  console.log(`| ${label} | ${m.ms.toFixed(0)} ms | ${m.readMB.toFixed(1)} MB | ${m.maxRssMB.toFixed(0)} MB | ${extra} |`);
}

/** A node_modules tree of `count` installed packages (some nested), as npm lays it out. */
function generateNodeModules(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const scoped = i % 7 === 0;
    const name = scoped ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`;
    const nested = i % 5 === 0 && i > 0 ? `node_modules/pkg-${i - 1}/` : '';
    const dir = join(root, nested, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: `${1 + (i % 9)}.${i % 17}.${i % 5}`, description: 'generated', main: 'index.js', license: 'MIT', dependencies: { [`pkg-${(i + 1) % count}`]: '^1.0.0' } }, null, 2));
    writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
  }
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0' }));
}

const image = await bookwormImage();
const archiveMB = statSync(image.dockerArchive).size / 1048576;
console.log(`bookworm image: docker archive ${archiveMB.toFixed(1)} MB (uncompressed layer tar inside), OCI layout ${image.layout}`);
console.log('| run | time | bytes read | peak RSS | notes |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, target] of [['docker-save archive', image.dockerArchive], ['OCI layout', image.layout]] as const) {
  const cache = mkdtempSync(join(tmpdir(), 'bosun-bench-cache-'));
  try {
    const cold: Measure[] = [];
    for (let i = 0; i < 3; i++) {
      rmSync(cache, { recursive: true, force: true });
      cold.push(once(['image', target, '--cache-dir', cache]));
    }
    row(`${label}, cold cache`, median(cold));
    const warm = [once(['image', target, '--cache-dir', cache]), once(['image', target, '--cache-dir', cache]), once(['image', target, '--cache-dir', cache])];
    row(`${label}, warm cache`, median(warm));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

const tree = join(tmpdir(), 'bosun-bench-node-modules-2000');
if (!existsSync(join(tree, 'package.json'))) generateNodeModules(tree, 2000);
row('node_modules, 2,000 packages (sbom fs)', median([once(['fs', tree]), once(['fs', tree]), once(['fs', tree])]));
