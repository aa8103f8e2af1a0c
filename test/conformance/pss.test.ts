/**
 * Pod Security Standards conformance: runs the `pss` family over the PSA fixture corpus in
 * ../shared/conformance/pss (read in place) and judges each fixture by the corpus README:
 * pass/ files must be allowed, fail/ files denied with the expected error text. Every fixture is
 * checked as a Pod and again as a Deployment's pod template, as upstream's test/run.go does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { loadText } from '../../src/adapters/manifests/index.js';
import { auditResources } from '../../src/checks/index.js';
import type { CheckResult } from '../../src/checks/index.js';
import type { Resource } from '../../src/k8s/index.js';
import { inMemoryResource, isObject } from '../../src/k8s/index.js';
import { sharedCorpus } from '../support/corpus.js';

const Entry = z.object({
  path: z.string(),
  level: z.enum(['baseline', 'restricted']),
  version: z.string(),
  expect: z.enum(['allowed', 'denied']),
  checkID: z.string().nullable(),
  expectErrorSubstring: z.string().optional(),
  expectedViolatedCheck: z.string().optional(),
});
type Entry = z.infer<typeof Entry>;
const Index = z.object({ entries: z.array(Entry) });

const CORPUS = sharedCorpus('pss');

/** The fixture's pod as the template of a Deployment, the second form upstream submits. */
function asDeployment(pod: Resource): Resource {
  const metadata = isObject(pod.object['metadata']) ? pod.object['metadata'] : {};
  const labels = { app: 'pss-conformance' };
  return inMemoryResource(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: pod.name },
      spec: {
        selector: { matchLabels: labels },
        template: { metadata: { ...metadata, labels }, spec: pod.object['spec'] },
      },
    },
    pod.source.file,
  );
}

interface Judgement {
  ok: boolean;
  why: string;
  /** The PSS check ids that failed, from the compatible ids (`pss:<level>/<checkID>`). */
  violated: Set<string>;
}

function judge(entry: Entry, resource: Resource): Judgement {
  const outcome = auditResources({
    resources: [resource],
    selection: { families: new Set(['pss']) },
    options: { pssLevel: entry.level, pssVersion: entry.version },
  });
  const failures = outcome.results.filter((r: CheckResult) => r.status === 'fail');
  const violated = new Set(failures.map((r) => r.compatibleId.slice(r.compatibleId.indexOf('/') + 1)));
  const text = failures.map((r) => r.message).join('; ');
  if (entry.expect === 'allowed') {
    return { ok: failures.length === 0, why: `expected allowed, got: ${text}`, violated };
  }
  const expected = entry.expectErrorSubstring ?? entry.checkID ?? '';
  if (failures.length === 0) return { ok: false, why: 'expected denied, got allowed', violated };
  if (text.includes('unknown forbidden reason')) return { ok: false, why: `unknown forbidden reason in: ${text}`, violated };
  if (!text.includes(expected)) return { ok: false, why: `expected "${expected}" in: ${text}`, violated };
  return { ok: true, why: '', violated };
}

describe('Pod Security Standards conformance', () => {
  it('allows every pass/ fixture and denies every fail/ fixture, as Pod and as Deployment', () => {
    const index = Index.parse(JSON.parse(readFileSync(path.join(CORPUS, 'index.json'), 'utf8')));
    const failures: string[] = [];
    let passed = 0;
    let otherCheck = 0;
    for (const entry of index.entries) {
      const file = path.join(CORPUS, entry.path);
      const loaded = loadText(file, readFileSync(file, 'utf8'));
      const pod = loaded.resources[0];
      if (pod === undefined || loaded.resources.length !== 1) {
        failures.push(`${entry.path}: expected one object, got ${loaded.resources.length}`);
        continue;
      }
      const forms: Array<[string, Resource]> = [['Pod', pod], ['Deployment', asDeployment(pod)]];
      let ok = true;
      for (const [form, resource] of forms) {
        const verdict = judge(entry, resource);
        if (!verdict.ok) {
          ok = false;
          failures.push(`${entry.path} [${entry.level} ${entry.version}, ${form}]: ${verdict.why}`);
        }
        // Derived, not asserted upstream: the fixture's one change should trip the expected check.
        if (form === 'Pod' && entry.expectedViolatedCheck !== undefined && !verdict.violated.has(entry.expectedViolatedCheck)) otherCheck++;
      }
      if (ok) passed++;
    }
    const total = index.entries.length;
    console.log(`pss conformance: ${passed}/${total} (${((100 * passed) / Math.max(total, 1)).toFixed(1)}%)`);
    if (otherCheck > 0) console.log(`pss conformance: ${otherCheck} fail/ fixtures denied by another check than expectedViolatedCheck`);
    for (const failure of failures) console.log(`  FAIL ${failure}`);
    assert.equal(passed, total, `${total - passed} fixtures failed`);
  });
});
