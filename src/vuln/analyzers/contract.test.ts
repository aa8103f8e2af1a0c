/**
 * The contract every file analyzer keeps (STYLE: one contract test per family). Each registered
 * analyzer is fed empty content, garbage, and every fixture of the shared lockfile corpus, whatever
 * its format: it must never throw, must report problems as errors carrying the input path, and
 * every package it returns must be well formed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnalyzerOutput, FileAnalyzer, FileReader } from '../inventory/index.js';
import { FILE_ANALYZERS } from './registry.js';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Not valid in any lockfile or manifest format: control bytes, unbalanced brackets, an unterminated string. */
const GARBAGE = '\u0000\u0001\u0002 }{][ <<not a lockfile>> "unterminated\n\t:- !!%@ ]]\n';

/** Canonical names, so an analyzer that decides by file name sees one it wants. */
const CANDIDATE_PATHS = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'node_modules/left-pad/package.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'requirements.txt',
  'poetry.lock',
  'Pipfile.lock',
  'go.mod',
  'Cargo.lock',
  'composer.lock',
  'Gemfile.lock',
  'pom.xml',
  'packages.lock.json',
  'app.deps.json',
  'usr/lib/python3/site-packages/pkg-1.0.dist-info/METADATA',
  'usr/lib/python3/site-packages/pkg-1.0.egg-info/PKG-INFO',
];

const NO_FILES: FileReader = {
  async readText() {
    return undefined;
  },
};

/** The repository root: the nearest folder above this file with package.json and tsconfig.json (works from dist/ too). */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'tsconfig.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test file');
    dir = parent;
  }
  return dir;
}

function inputPathFor(analyzer: FileAnalyzer): string {
  return CANDIDATE_PATHS.find((p) => analyzer.matches(p)) ?? 'project/lockfile';
}

/** Every fixture file of ../shared/conformance/lockfiles, whatever its format. */
function corpusFiles(): string[] {
  const corpus = path.resolve(repoRoot(), '../shared/conformance/lockfiles');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.includes(`${path.sep}fixtures${path.sep}`)) files.push(full);
    }
  };
  if (existsSync(corpus)) walk(corpus);
  return files.sort();
}

/** Problems with one output, as readable lines (empty when it keeps the contract). */
function contractViolations(output: AnalyzerOutput, input: string): string[] {
  const problems: string[] = [];
  if (!Array.isArray(output.packages) || !Array.isArray(output.errors)) return ['output must have packages[] and errors[]'];
  for (const error of output.errors) {
    if (error.path !== input) problems.push(`error path ${JSON.stringify(error.path)} is not the input path`);
    if (typeof error.message !== 'string' || error.message.trim() === '') problems.push('error without a message');
    if (error.line !== undefined && !(Number.isInteger(error.line) && error.line >= 1)) problems.push(`error line ${error.line} is not 1-based`);
  }
  for (const pkg of output.packages) {
    const who = `${pkg.name}@${pkg.version}`;
    if (typeof pkg.name !== 'string' || pkg.name === '') problems.push('package without a name');
    if (typeof pkg.version !== 'string') problems.push(`${who}: version is not a string`);
    if (typeof pkg.ecosystem !== 'string' || pkg.ecosystem.length === 0) problems.push(`${who}: no ecosystem`);
    if (typeof pkg.purl !== 'string' || !pkg.purl.startsWith('pkg:')) problems.push(`${who}: purl ${JSON.stringify(pkg.purl)} does not start with pkg:`);
    if (!Array.isArray(pkg.depGroups) || pkg.depGroups.some((g) => typeof g !== 'string' || g === '')) problems.push(`${who}: bad depGroups`);
    if (!pkg.locations.some((l) => l.path === input)) problems.push(`${who}: no location with the input path`);
    for (const l of pkg.locations) {
      if (l.line !== undefined && !(Number.isInteger(l.line) && l.line >= 1)) problems.push(`${who}: location line ${l.line} is not 1-based`);
    }
  }
  return problems;
}

async function analyzeSafely(analyzer: FileAnalyzer, input: string, content: string): Promise<AnalyzerOutput | string> {
  try {
    return await analyzer.analyze({ path: input, content, files: NO_FILES });
  } catch (error) {
    return `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
}

describe('file analyzer registry', () => {
  it('registers every analyzer under its own id, unique and kebab-case', () => {
    const ids = [...FILE_ANALYZERS.values()].map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    for (const [key, analyzer] of FILE_ANALYZERS) {
      assert.equal(key, analyzer.id, `registered under ${key} but its id is ${analyzer.id}`);
      assert.match(analyzer.id, KEBAB_CASE);
    }
  });

  it('registers every analyzer folder (a folder under analyzers/ is an analyzer named like it)', () => {
    const dir = path.join(repoRoot(), 'src', 'vuln', 'analyzers');
    const folders = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory());
    assert.ok(folders.length > 0, `no analyzer folders in ${dir}`);
    const unregistered = folders.filter((name) => !FILE_ANALYZERS.has(name));
    assert.deepEqual(unregistered, [], `folders not registered in registry.ts: ${unregistered.join(', ')}`);
  });
});

describe('file analyzer contract', () => {
  const fixtures = corpusFiles();
  for (const analyzer of FILE_ANALYZERS.values()) {
    describe(analyzer.id, () => {
      const input = inputPathFor(analyzer);

      it('has an integer version ≥ 1', () => {
        assert.ok(Number.isInteger(analyzer.version) && analyzer.version >= 1, `version ${analyzer.version}`);
      });

      it('reports garbage as errors with the input path, without throwing', async () => {
        const output = await analyzeSafely(analyzer, input, GARBAGE);
        assert.equal(typeof output, 'object', String(output));
        if (typeof output === 'string') return;
        assert.ok(output.errors.length > 0, 'garbage gave no error');
        assert.deepEqual(contractViolations(output, input), []);
      });

      it('does not throw on empty content', async () => {
        const output = await analyzeSafely(analyzer, input, '');
        assert.equal(typeof output, 'object', String(output));
        if (typeof output === 'string') return;
        assert.deepEqual(contractViolations(output, input), []);
      });

      it('keeps the contract on every corpus fixture, whatever its format', async () => {
        const violations: string[] = [];
        for (const fixture of fixtures) {
          const output = await analyzeSafely(analyzer, input, readFileSync(fixture, 'utf8'));
          const problems = typeof output === 'string' ? [output] : contractViolations(output, input);
          if (problems.length > 0) violations.push(`${path.basename(path.dirname(fixture))}/${path.basename(fixture)}: ${problems.slice(0, 3).join('; ')}`);
        }
        assert.deepEqual(violations, []);
      });
    });
  }
});
