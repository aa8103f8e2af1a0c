/**
 * Lockfile conformance: runs the registered file analyzers over every folder of
 * ../shared/conformance/lockfiles (read in place) and judges each case by the corpus README:
 * the multiset of (name, version, ecosystem) must equal the expected one, and so must each
 * package's dependency groups (when the case lists them) and commit; `expectError` cases need an
 * error reported with the file (plus the packages still read, when listed); `mustNotContain`
 * entries must be absent. Expected lines are compared too and reported, but do not fail a case.
 *
 * A folder without a registered analyzer fails.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import type { FileAnalyzer, FileReader, Package } from '../../src/vuln/inventory/index.js';
import { createGoModAnalyzer } from '../../src/vuln/analyzers/go-mod/index.js';
import { FILE_ANALYZERS } from '../../src/vuln/analyzers/registry.js';
import { sharedCorpus } from '../support/corpus.js';

/**
 * Test configuration: which analyzer reads each corpus folder. Fixture names are arbitrary
 * (`one-package.v2.json`), so the analyzers' own `matches` cannot pick them.
 */
const FOLDER_ANALYZERS: Readonly<Record<string, string>> = {
  npm: 'npm-lock',
  yarn: 'yarn-lock',
  pnpm: 'pnpm-lock',
  'pypi-requirements': 'python-requirements',
  'pypi-poetry': 'python-poetry',
  'pypi-pipfile': 'python-pipfile',
  'go-mod': 'go-mod',
  cargo: 'cargo-lock',
  composer: 'composer-lock',
  bundler: 'gemfile-lock',
  'maven-pom': 'maven-pom',
};

/** Analyzers that take options (`cases[].options`), by id. */
const WITH_OPTIONS: Readonly<Record<string, (options: Record<string, unknown>) => FileAnalyzer>> = {
  'go-mod': (options) => {
    const { excludeIndirect } = z.object({ excludeIndirect: z.boolean().optional() }).strict().parse(options);
    return createGoModAnalyzer(excludeIndirect === undefined ? {} : { excludeIndirect });
  },
};

const ExpectedPackage = z.object({
  name: z.string(),
  version: z.string(),
  ecosystem: z.string(),
  depGroups: z.array(z.string()).optional(),
  commit: z.string().optional(),
  line: z.number().int().optional(),
  lineFile: z.string().optional(),
});
type ExpectedPackage = z.infer<typeof ExpectedPackage>;

const Case = z.object({
  fixture: z.string(),
  case: z.string(),
  expectError: z.union([z.boolean(), z.string()]),
  packages: z.array(ExpectedPackage).nullable().optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  mustNotContain: z.array(z.object({ name: z.string(), version: z.string().optional() })).optional(),
});
type Case = z.infer<typeof Case>;

const Expected = z.object({ cases: z.array(Case) });

const CORPUS = sharedCorpus('lockfiles');

const FOLDERS: string[] = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((name) => statSync(path.join(CORPUS, name)).isDirectory() && existsSync(path.join(CORPUS, name, 'expected.json')))
      .sort()
  : [];

/** Reads files relative to the fixture's directory, so companions resolve; nothing outside the folder's fixtures. */
function fixtureReader(directory: string, fence: string): FileReader {
  return {
    async readText(relative) {
      const full = path.resolve(directory, relative);
      if (!full.startsWith(fence + path.sep)) return undefined;
      try {
        return await readFile(full, 'utf8');
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? error.code : undefined;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
        throw error;
      }
    },
  };
}

interface CaseOutcome {
  problems: string[];
  linesChecked: number;
  linesMatched: number;
}

async function runCase(folderDir: string, entry: Case, analyzer: FileAnalyzer): Promise<CaseOutcome> {
  const fixture = path.join(folderDir, entry.fixture);
  const input = path.basename(fixture);
  const files = fixtureReader(path.dirname(fixture), path.join(folderDir, 'fixtures'));
  const outcome: CaseOutcome = { problems: [], linesChecked: 0, linesMatched: 0 };
  let output;
  try {
    output = await analyzer.analyze({ path: input, content: await readFile(fixture, 'utf8'), files });
  } catch (error) {
    outcome.problems.push(`analyze threw: ${error instanceof Error ? error.message : String(error)}`);
    return outcome;
  }
  if (entry.expectError !== false) {
    if (!output.errors.some((e) => e.path === input)) {
      const upstream = typeof entry.expectError === 'string' ? ` (upstream: "${entry.expectError}")` : '';
      outcome.problems.push(`expected an error reported with ${input}${upstream}, got none`);
    }
  } else if (output.errors.length > 0) {
    outcome.problems.push(`unexpected errors: ${output.errors.map((e) => `${e.path}:${e.line ?? ''} ${e.message}`).join('; ')}`);
  }
  // `packages: null` means "not checked" for an error case, and "none" otherwise.
  const expected = entry.packages ?? (entry.expectError === false ? [] : undefined);
  if (expected !== undefined) outcome.problems.push(...comparePackages(expected, output.packages));
  for (const absent of entry.mustNotContain ?? []) {
    if (output.packages.some((p) => p.name === absent.name && (absent.version === undefined || p.version === absent.version))) {
      outcome.problems.push(`must not contain ${absent.name}@${absent.version ?? '*'}`);
    }
  }
  for (const want of expected ?? []) {
    if (want.line === undefined || (want.lineFile !== undefined && path.basename(want.lineFile) !== input)) continue;
    outcome.linesChecked++;
    const found = output.packages.some(
      (p) => p.name === want.name && p.version === want.version && p.locations.some((l) => l.path === input && l.line === want.line),
    );
    if (found) outcome.linesMatched++;
  }
  return outcome;
}

const identity = (p: { name: string; version: string; ecosystem: string }): string => `${p.name}@${p.version} (${p.ecosystem})`;

/** Multiset difference, as readable lines. */
function comparePackages(expected: readonly ExpectedPackage[], actual: readonly Package[]): string[] {
  const counts = new Map<string, number>();
  for (const p of expected) counts.set(identity(p), (counts.get(identity(p)) ?? 0) + 1);
  for (const p of actual) counts.set(identity(p), (counts.get(identity(p)) ?? 0) - 1);
  const problems: string[] = [];
  for (const [key, count] of counts) {
    if (count > 0) problems.push(`missing ${count > 1 ? `${count}× ` : ''}${key}`);
    if (count < 0) problems.push(`extra ${count < -1 ? `${-count}× ` : ''}${key}`);
  }
  if (problems.length > 0) return problems;

  // Same identities: compare groups (when the case lists them) and commits, per identity.
  const byIdentity = new Map<string, { want: ExpectedPackage[]; got: Package[] }>();
  for (const p of expected) byIdentity.set(identity(p), { want: [...(byIdentity.get(identity(p))?.want ?? []), p], got: [] });
  for (const p of actual) byIdentity.get(identity(p))?.got.push(p);
  for (const [key, { want, got }] of byIdentity) {
    const withGroups = want.every((p) => p.depGroups !== undefined);
    const detail = (groups: readonly string[] | undefined, commit: string | undefined): string =>
      `groups=[${withGroups ? [...(groups ?? [])].sort().join(',') : '*'}] commit=${commit ?? ''}`;
    const wanted = want.map((p) => detail(p.depGroups, p.commit)).sort();
    const gotten = got.map((p) => detail(p.depGroups, p.commit)).sort();
    if (wanted.join('\n') !== gotten.join('\n')) problems.push(`${key}: expected ${wanted.join(' | ')}, got ${gotten.join(' | ')}`);
  }
  return problems;
}

const totals = { passed: 0, cases: 0, folders: 0, skipped: [] as string[] };

describe('lockfile conformance (../shared/conformance/lockfiles)', () => {
  if (FOLDERS.length === 0) {
    it('finds the corpus', { skip: `corpus not found at ${CORPUS}` }, () => {});
    return;
  }
  for (const folder of FOLDERS) {
    it(`lockfiles/${folder}`, async () => {
      const id = FOLDER_ANALYZERS[folder];
      const registered = id === undefined ? undefined : FILE_ANALYZERS.get(id);
      if (id === undefined || registered === undefined) {
        const why = id === undefined ? 'no entry in FOLDER_ANALYZERS' : `${id} is not registered`;
        // Every corpus folder must have an analyzer: a new folder without one fails loudly.
        totals.skipped.push(folder);
        assert.fail(`lockfiles/${folder}: no analyzer (${why})`);
      }
      const folderDir = path.join(CORPUS, folder);
      const { cases } = Expected.parse(JSON.parse(await readFile(path.join(folderDir, 'expected.json'), 'utf8')));
      const failures: string[] = [];
      let passed = 0;
      let linesChecked = 0;
      let linesMatched = 0;
      for (const entry of cases) {
        const withOptions = entry.options === undefined ? undefined : WITH_OPTIONS[id];
        if (entry.options !== undefined && withOptions === undefined) {
          failures.push(`${entry.fixture} [${entry.case}]: options ${JSON.stringify(entry.options)} given, but ${id} takes none`);
          continue;
        }
        const analyzer = withOptions === undefined || entry.options === undefined ? registered : withOptions(entry.options);
        const outcome = await runCase(folderDir, entry, analyzer);
        linesChecked += outcome.linesChecked;
        linesMatched += outcome.linesMatched;
        if (outcome.problems.length === 0) passed++;
        else failures.push(`${entry.fixture} [${entry.case}]:\n      ${outcome.problems.slice(0, 12).join('\n      ')}`);
      }
      totals.passed += passed;
      totals.cases += cases.length;
      totals.folders++;
      const lines = linesChecked > 0 ? ` (lines ${linesMatched}/${linesChecked})` : '';
      console.log(`lockfiles/${folder}: ${passed}/${cases.length}${lines}`);
      for (const failure of failures) console.log(`  FAIL ${failure}`);
      assert.equal(passed, cases.length, `${cases.length - passed} of ${cases.length} cases failed:\n${failures.join('\n')}`);
    });
  }
  after(() => {
    const skipped = totals.skipped.length > 0 ? `; no analyzer yet: ${totals.skipped.join(', ')}` : '';
    console.log(`lockfiles total: ${totals.passed}/${totals.cases} over ${totals.folders} folders${skipped}`);
  });
});
