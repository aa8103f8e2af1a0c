import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { emptyRun, fixtureRun } from './fixture.test-helper.js';
import { POLICY_RESULT_WRITERS } from './registry.js';

/** The writer sources, read in place (this file runs from dist/src/report/policy-results/). */
const SOURCE_DIR = fileURLToPath(new URL('../../../../src/report/policy-results/', import.meta.url));

describe('policy result writer registry', () => {
  it('registers every writer folder under its folder name', () => {
    const folders = readdirSync(SOURCE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    assert.deepEqual(folders, ['policy-report', 'sarif'], `found the sources in ${SOURCE_DIR}`);
    assert.deepEqual([...POLICY_RESULT_WRITERS.keys()].sort(), folders);
  });

  for (const [id, writer] of POLICY_RESULT_WRITERS) {
    it(`${id} renders deterministically, ends with a newline and leaves its input alone`, () => {
      for (const build of [fixtureRun, emptyRun]) {
        const run = build();
        const before = structuredClone(run);
        const first = writer.write(run);
        assert.ok(first.endsWith('\n'));
        assert.deepEqual(run, before);
        assert.equal(writer.write(build()), first);
      }
    });
  }
});
