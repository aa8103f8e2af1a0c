/**
 * Golden files for writer tests: full outputs checked in under src/report/ and reviewed in diffs.
 * Regenerate with `BOSUN_UPDATE_GOLDEN=1 node --test dist/src/report/`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/report/, read in place: this file runs from dist/src/report/. */
const REPORT_SRC = new URL('../../../src/report/', import.meta.url);

/** An assertGolden for one folder under src/report/ (e.g. `writers/`, `sbom/`). */
export function goldenIn(folder: string): (path: string, actual: string) => void {
  const base = new URL(folder.endsWith('/') ? folder : `${folder}/`, REPORT_SRC);
  return (path, actual) => {
    const file = fileURLToPath(new URL(path, base));
    if (process.env['BOSUN_UPDATE_GOLDEN'] === '1') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    assert.ok(existsSync(file), `missing golden file ${file}; run with BOSUN_UPDATE_GOLDEN=1 to create it`);
    assert.equal(actual, readFileSync(file, 'utf8'), `output differs from ${path}; if the change is intended, run with BOSUN_UPDATE_GOLDEN=1 and review the diff`);
  };
}
