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
import type { AnalyzerOutput, FileAnalyzer, FileFacts, FileReader } from '../inventory/index.js';
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
  'app/WEB-INF/lib/lib-1.0.jar',
  'usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec',
];

/** Files recognised by content, not name: offered with the facts every Bosun source gives. */
const CANDIDATE_FILES: ReadonlyArray<{ path: string; facts: FileFacts }> = [{ path: 'usr/local/bin/app', facts: { size: 4 * 1024 * 1024, executable: true } }];

/**
 * Analyzers that recognise their files by content among many that are not theirs (every
 * executable is offered to go-binary; a shell script is not a Go binary): for them a foreign file
 * is no error, so garbage must give no packages rather than an error.
 */
const SILENT_ON_FOREIGN_CONTENT = new Set(['go-binary']);

/** Binary inputs for `input: 'bytes'` analyzers: magic numbers they branch on, followed by nonsense. */
const BINARY_GARBAGE: ReadonlyArray<[string, Uint8Array]> = [
  ['ELF header only', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0xff, 0xff, 0xff])],
  ['ELF with tables past the end', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 1, ...new Array<number>(50).fill(0xff)])],
  ['Go build info magic with a huge length', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, ...new Array<number>(12).fill(0), 0xff, ...Buffer.from(' Go buildinf:'), 8, 2, ...new Array<number>(16).fill(0), 0xff, 0xff, 0xff, 0xff, 0x0f])],
  ['Go < 1.18 build info with wild pointers', Uint8Array.from([0x4d, 0x5a, ...new Array<number>(14).fill(0), 0xff, ...Buffer.from(' Go buildinf:'), 4, 1, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1, ...new Array<number>(8).fill(0)])],
  ['zip local header only', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0])],
  ['zip end record pointing nowhere', Uint8Array.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 5, 0, 5, 0, 0xff, 0xff, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0])],
  ['pseudo-random bytes', pseudoRandom(4096)],
];

/** Deterministic noise (a linear congruential generator), so failures reproduce. */
function pseudoRandom(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

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
  return CANDIDATE_PATHS.find((p) => analyzer.matches(p)) ?? CANDIDATE_FILES.find((f) => analyzer.matches(f.path, f.facts))?.path ?? 'project/lockfile';
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
    // `app.war!/WEB-INF/lib/x.jar`: inside the input (the JAR URL convention for nested archives).
    if (!pkg.locations.some((l) => l.path === input || l.path.startsWith(`${input}!/`))) problems.push(`${who}: no location with the input path`);
    for (const l of pkg.locations) {
      if (l.line !== undefined && !(Number.isInteger(l.line) && l.line >= 1)) problems.push(`${who}: location line ${l.line} is not 1-based`);
    }
  }
  return problems;
}

/** Text analyzers get `content`; bytes analyzers get `bytes` (the UTF-8 of text inputs) and '' as content, as sources give them. */
async function analyzeSafely(analyzer: FileAnalyzer, input: string, content: string | Uint8Array): Promise<AnalyzerOutput | string> {
  try {
    if (analyzer.input === 'bytes') {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return await analyzer.analyze({ path: input, content: '', bytes, files: NO_FILES });
    }
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    return await analyzer.analyze({ path: input, content: text, files: NO_FILES });
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
        if (SILENT_ON_FOREIGN_CONTENT.has(analyzer.id)) assert.deepEqual(output.packages, [], 'garbage gave packages');
        else assert.ok(output.errors.length > 0, 'garbage gave no error');
        assert.deepEqual(contractViolations(output, input), []);
      });

      if (analyzer.input === 'bytes') {
        it('keeps the contract on binary garbage, without throwing', async () => {
          const violations: string[] = [];
          for (const [name, bytes] of BINARY_GARBAGE) {
            const output = await analyzeSafely(analyzer, input, bytes);
            const problems = typeof output === 'string' ? [output] : contractViolations(output, input);
            if (typeof output !== 'string' && output.packages.length > 0) problems.push('garbage gave packages');
            if (problems.length > 0) violations.push(`${name}: ${problems.slice(0, 3).join('; ')}`);
          }
          assert.deepEqual(violations, []);
        });
      }

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
