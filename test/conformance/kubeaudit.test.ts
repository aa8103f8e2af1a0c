/**
 * kubeaudit conformance: runs the kubeaudit family over the corpus in
 * ../shared/conformance/kubeaudit (read in place) and judges each case by the corpus README: the
 * SET of result names must equal `expected` exactly; deprecatedapis cases also pin the single
 * result's severity, message and metadata. Manifest mode only: local mode needs a cluster.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { loadText } from '../../src/adapters/manifests/index.js';
import { AUDITOR_NAMES, auditKubeaudit, kubeauditRuleNames } from '../../src/checks/kubeaudit/index.js';
import type { KubeauditResult } from '../../src/checks/kubeaudit/index.js';
import { sharedCorpus } from '../support/corpus.js';

/** Keys the corpus uses in a case's flat `config`, as kubeaudit's Go tests pass them. */
const CaseConfig = z.strictObject({
  image: z.string().optional(),
  cpu: z.string().optional(),
  memory: z.string().optional(),
  currentVersion: z.string().optional(),
  targetedVersion: z.string().optional(),
  enabledAuditors: z.record(z.string(), z.boolean()).optional(),
});

const Case = z.object({
  test: z.string(),
  auditors: z.array(z.string()),
  config: CaseConfig,
  expected: z.array(z.string()),
  modes: z.array(z.string()),
  expectedSeverity: z.enum(['error', 'warning', 'info']).optional(),
  expectedMessage: z.string().optional(),
  expectedMetadata: z.record(z.string(), z.string()).optional(),
  expectedResultCount: z.number().optional(),
});
type Case = z.infer<typeof Case>;
const Expected = z.object({ fixtures: z.record(z.string(), z.array(Case)) });

const CORPUS = sharedCorpus('kubeaudit');

/** The family config for a case: only the listed auditors run, with the case's settings. */
function familyConfig(c: Case): unknown {
  const listed = new Set(c.auditors);
  const enabledAuditors = Object.fromEntries(AUDITOR_NAMES.map((name) => [name, listed.has(name)]));
  const { image, cpu, memory, currentVersion, targetedVersion } = c.config;
  return {
    enabledAuditors,
    auditors: {
      ...(image !== undefined ? { image: { image } } : {}),
      limits: { ...(cpu !== undefined ? { cpu } : {}), ...(memory !== undefined ? { memory } : {}) },
      deprecatedapis: {
        ...(currentVersion !== undefined ? { currentVersion } : {}),
        ...(targetedVersion !== undefined ? { targetedVersion } : {}),
      },
    },
  };
}

/** Why a case failed, or undefined when it passed. */
function judge(file: string, c: Case): string | undefined {
  const loaded = loadText(file, readFileSync(path.join(CORPUS, 'fixtures', file), 'utf8'));
  const errors = loaded.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) return `fixture did not load: ${errors.map((d) => d.message).join('; ')}`;
  const results = auditKubeaudit(loaded.resources, familyConfig(c));
  const got = [...kubeauditRuleNames(results)].sort();
  const want = [...new Set(c.expected)].sort();
  if (got.join(',') !== want.join(',')) return `expected [${want.join(', ')}], got [${got.join(', ')}]`;
  if (c.expectedResultCount !== undefined && results.length !== c.expectedResultCount) {
    return `expected ${c.expectedResultCount} result(s), got ${results.length}`;
  }
  const only: KubeauditResult | undefined = results[0];
  if (c.expectedSeverity !== undefined && only?.severity !== c.expectedSeverity) return `expected severity ${c.expectedSeverity}, got ${only?.severity}`;
  if (c.expectedMessage !== undefined && only?.message !== c.expectedMessage) return `expected message "${c.expectedMessage}", got "${only?.message}"`;
  if (c.expectedMetadata !== undefined) {
    try {
      assert.deepEqual(only?.metadata, c.expectedMetadata);
    } catch {
      return `expected metadata ${JSON.stringify(c.expectedMetadata)}, got ${JSON.stringify(only?.metadata)}`;
    }
  }
  return undefined;
}

describe('kubeaudit conformance', () => {
  it('matches kubeaudit on every manifest-mode case of the corpus', () => {
    const expected = Expected.parse(JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')));
    let total = 0;
    const failures: string[] = [];
    for (const [file, cases] of Object.entries(expected.fixtures)) {
      cases.forEach((c, index) => {
        if (!c.modes.includes('manifest')) return;
        total += 1;
        const why = judge(file, c);
        if (why !== undefined) failures.push(`${file} #${index} (${c.auditors.join(',')} ${JSON.stringify(c.config)}): ${why}`);
      });
    }
    const passed = total - failures.length;
    const rate = total === 0 ? 0 : (passed / total) * 100;
    console.log(`kubeaudit conformance: ${passed}/${total} (${rate.toFixed(1)}%)`);
    for (const failure of failures) console.log(`  FAIL ${failure}`);
    assert.ok(total > 0, 'the corpus has no manifest-mode cases');
    assert.deepEqual(failures, []);
  });
});
