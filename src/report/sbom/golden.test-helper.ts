/**
 * Golden files for the SBOM writers, checked in under src/report/sbom/ and reviewed in diffs.
 * Regenerate with `BOSUN_UPDATE_GOLDEN=1 node --test dist/src/report/sbom/`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/report/sbom/, read in place: this file runs from dist/src/report/sbom/. */
const SBOM_SRC = new URL('../../../../src/report/sbom/', import.meta.url);

export function assertGolden(path: string, actual: string): void {
  const file = fileURLToPath(new URL(path, SBOM_SRC));
  if (process.env['BOSUN_UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `missing golden file ${file}; run with BOSUN_UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from ${path}; if the change is intended, run with BOSUN_UPDATE_GOLDEN=1 and review the diff`);
}
