import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { ScanReport } from '../types.js';
import { emptyReport, fixtureReport } from './fixture.test-helper.js';
import { WRITERS } from './registry.js';

/**
 * The writer sources, read in place: this file runs from dist/src/report/writers/, four levels
 * below the repository root. Reading src (not dist) means a deleted writer's stale build output
 * cannot make the test pass.
 */
const WRITERS_DIR = fileURLToPath(new URL('../../../../src/report/writers/', import.meta.url));

function writerFolders(): string[] {
  return readdirSync(WRITERS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('writer registry', () => {
  it('registers every writer folder under its folder name', () => {
    const folders = writerFolders();
    assert.ok(folders.includes('table') && folders.includes('json'), `found the sources in ${WRITERS_DIR}`);
    for (const folder of folders) assert.ok(WRITERS.has(folder), `writers/${folder}/ is not registered in registry.ts`);
    assert.deepEqual([...WRITERS.keys()].sort(), folders, 'every registered writer has its own folder');
  });

  it('keys each writer by its own id and describes it', () => {
    for (const [key, writer] of WRITERS) {
      assert.equal(writer.id, key);
      assert.ok(writer.description.length > 0);
      assert.match(writer.extension, /^[a-z0-9]+$/);
    }
  });

  for (const [id, writer] of WRITERS) {
    for (const [name, build] of [['fixture', fixtureReport], ['empty', emptyReport]] as const) {
      it(`${id} renders the ${name} report deterministically, without touching its input`, () => {
        const report: ScanReport = build();
        const before = structuredClone(report);
        const first = writer.write(report, { color: false });
        assert.ok(first.length > 0);
        assert.ok(first.endsWith('\n'), 'ends with a newline');
        assert.deepEqual(report, before, 'input not mutated');
        assert.equal(writer.write(structuredClone(report), { color: false }), first, 'same input, same output');
        assert.equal(writer.write(build(), { color: false }), first, 'fresh copy, same output');
      });
    }
  }
});
