/**
 * Writing an inventory and reading it back must give the same packages: what the vulnerability
 * matcher keys on (name, version, ecosystem, purl, source) as a multiset, plus the OS and image.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSbom } from '../../vuln/index.js';
import type { Package, SbomInventory } from '../../vuln/index.js';
import { FIXED_NOW, imageInventory, projectInventory } from './fixture.test-helper.js';
import { toCycloneDx, toSpdx } from './index.js';

function identities(packages: readonly Package[]): string[] {
  return packages.map((p) => JSON.stringify([p.name, p.version, p.ecosystem, p.purl, p.source ?? null])).sort();
}

const OPTIONS = { toolVersion: '0.1.0', now: FIXED_NOW };
const INVENTORIES: [string, SbomInventory][] = [['image', imageInventory()], ['project', projectInventory()]];

describe('SBOM round trip', () => {
  for (const [label, inventory] of INVENTORIES) {
    it(`CycloneDX keeps packages, groups, locations, OS and image (${label})`, () => {
      const read = readSbom(toCycloneDx(inventory, OPTIONS), 'sbom.cdx.json');
      assert.deepEqual(read.errors, []);
      assert.deepEqual(read.unidentified, []);
      assert.deepEqual(identities(read.packages), identities(inventory.packages));
      const facts = (p: Package): string => JSON.stringify([p.purl, p.depGroups, p.locations, p.commit ?? null]);
      assert.deepEqual(read.packages.map(facts).sort(), inventory.packages.map(facts).sort());
      assert.deepEqual(read.os, inventory.os);
      if (inventory.image === undefined) assert.equal(read.image, undefined);
      else {
        // Media types and sizes are not kept in the SBOM.
        const layers = inventory.image.layers.map((l) => ({ ...l, mediaType: '', size: -1 }));
        assert.deepEqual(read.image, { ...inventory.image, layers });
      }
    });

    it(`SPDX keeps packages, sources, the OS and the image (${label})`, () => {
      const read = readSbom(toSpdx(inventory, OPTIONS), 'sbom.spdx.json');
      assert.deepEqual(read.errors, []);
      assert.deepEqual(read.unidentified, []);
      assert.deepEqual(identities(read.packages), identities(inventory.packages));
      if (inventory.os === null) assert.equal(read.os, null);
      else assert.deepEqual([read.os?.family, read.os?.id, read.os?.name, read.os?.versionId], [inventory.os.family, inventory.os.id, inventory.os.name, inventory.os.versionId]);
      assert.equal(read.image?.name, inventory.image?.name);
      assert.equal(read.image?.manifestDigest, inventory.image?.manifestDigest);
    });
  }

  it('SPDX keeps the dependency groups it has relationship types for', () => {
    const read = readSbom(toSpdx(projectInventory(), OPTIONS), 'sbom.spdx.json');
    const groups = Object.fromEntries(read.packages.filter((p) => p.depGroups.length > 0).map((p) => [p.name, p.depGroups]));
    assert.deepEqual(groups, { pytest: ['test'], 'org.apache.commons:commons-text': ['provided'] });
  });
});
