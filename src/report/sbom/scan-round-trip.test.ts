/**
 * The round trip on real analyzer output: this machine's os-release and dpkg database (when it has
 * them) and Bosun's own package-lock.json, scanned as a root filesystem, written in both formats,
 * checked against the schemas and read back.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FILE_ANALYZERS, readSbom, scanRootfs } from '../../vuln/index.js';
import type { Package, SbomInventory } from '../../vuln/index.js';
import { cycloneDx16Validator } from './cyclonedx/schema.test-helper.js';
import { FIXED_NOW } from './fixture.test-helper.js';
import { toCycloneDx, toSpdx } from './index.js';
import { Spdx23Document } from './spdx/spdx23.test-helper.js';

const LOCKFILE = fileURLToPath(new URL('../../../../package-lock.json', import.meta.url));
const HOST_FILES = ['etc/os-release', 'var/lib/dpkg/status'].filter((path) => existsSync(`/${path}`));

function identities(packages: readonly Package[]): string[] {
  return packages.map((p) => JSON.stringify([p.name, p.version, p.ecosystem, p.purl, p.source ?? null])).sort();
}

describe('SBOM round trip of a scanned root filesystem', () => {
  let root = '';
  let inventory: SbomInventory = { os: null, packages: [], errors: [] };
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'bosun-sbom-'));
    for (const path of HOST_FILES) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await copyFile(`/${path}`, join(root, path));
    }
    await mkdir(join(root, 'app'));
    await copyFile(LOCKFILE, join(root, 'app/package-lock.json'));
    inventory = await scanRootfs({ root, analyzers: FILE_ANALYZERS.values() });
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('scans packages to write', () => {
    assert.ok(inventory.packages.some((p) => p.ecosystem === 'npm'));
  });

  it('CycloneDX: schema-valid, and read back to the same packages and OS', () => {
    const text = toCycloneDx(inventory, { toolVersion: '0.0.0', now: FIXED_NOW });
    const validate = cycloneDx16Validator();
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3), null, 2));
    const read = readSbom(text, 'rootfs.cdx.json');
    assert.deepEqual(read.errors, []);
    assert.deepEqual(identities(read.packages), identities(inventory.packages));
    assert.deepEqual(read.os, inventory.os);
  });

  it('SPDX: schema-valid, and read back to the same packages', () => {
    const text = toSpdx(inventory, { toolVersion: '0.0.0', now: FIXED_NOW });
    const result = Spdx23Document.safeParse(JSON.parse(text));
    assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3), null, 2));
    const read = readSbom(text, 'rootfs.spdx.json');
    assert.deepEqual(read.errors, []);
    assert.deepEqual(identities(read.packages), identities(inventory.packages));
    assert.equal(read.os?.id, inventory.os?.id);
  });
});
