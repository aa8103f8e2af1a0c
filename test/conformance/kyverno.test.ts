/**
 * Kyverno conformance: runs the shared kyverno/policies test folders (read in place from
 * ../shared/conformance/kyverno) through `bosun policy test`, with the corpus's own harness, and
 * prints the pass rate per feature. The floors are what passes today; raise them as the engine
 * grows, never above what actually passes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Compiled to dist/test/conformance/: three levels up is the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/conformance/kyverno');
const harness = path.join(corpus, 'run-conformance.mjs');
const main = path.join(repoRoot, 'dist/src/main.js');

/**
 * Folders passing today: all 295 shared folders (pattern/JMESPath, mutate, generate, validate.cel,
 * ValidatingPolicy, MutatingPolicy, GeneratingPolicy and Kyverno's CEL libraries), and all 137 in
 * the JMESPath/pattern categories (no -cel/-vpol/-mpol/-gpol suffix). The test asserts this exact
 * rate: a regression fails it.
 */
const FLOOR_ALL = 295;
const FLOOR_NON_CEL = 137;

interface HarnessReport {
  totals: { folders: number; passed: number };
  folders: Array<{ folder: string; status: string }>;
}

async function runHarness(out: string, extra: string[]): Promise<string> {
  const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(main)} policy test {dir}`;
  // The harness exits 1 while any folder fails; the JSON report is what we judge.
  const { stdout } = await run(process.execPath, [harness, '--cli', cli, '--jobs', '2', '--quiet', '--json', out, ...extra], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return stdout;
}

test('kyverno conformance: kyverno/policies test folders', { timeout: 600_000 }, async () => {
  assert.ok(existsSync(harness), `Kyverno corpus harness not found at ${harness}`);
  const tmp = await mkdtemp(path.join(tmpdir(), 'bosun-kyverno-'));
  const stdout = await runHarness(path.join(tmp, 'report.json'), []);
  // Print the summary and the per-feature table, not the per-folder lines.
  process.stdout.write(stdout.slice(Math.max(0, stdout.search(/\d+ passed, \d+ failed/))));
  const report = JSON.parse(await readFile(path.join(tmp, 'report.json'), 'utf8')) as HarnessReport;
  const passed = report.folders.filter((f) => f.status === 'pass').length;
  const nonCel = report.folders.filter((f) => !/^[^/]+-(cel|vpol|mpol|gpol)\//.test(f.folder));
  const nonCelPassed = nonCel.filter((f) => f.status === 'pass').length;
  process.stdout.write(`\nkyverno conformance: ${passed}/${report.folders.length} folders pass; non-CEL categories: ${nonCelPassed}/${nonCel.length}\n`);
  assert.ok(passed >= FLOOR_ALL, `${passed} of ${report.folders.length} folders pass, floor is ${FLOOR_ALL}`);
  assert.ok(nonCelPassed >= FLOOR_NON_CEL, `${nonCelPassed} non-CEL folders pass, floor is ${FLOOR_NON_CEL}`);
});
