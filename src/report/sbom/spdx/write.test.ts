import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXED_NOW, imageInventory, projectInventory } from '../fixture.test-helper.js';
import { assertGolden } from '../golden.test-helper.js';
import type { SpdxDocument } from './model.js';
import { Spdx23Document } from './spdx23.test-helper.js';
import { toSpdx } from './write.js';

const OPTIONS = { toolVersion: '0.1.0', now: FIXED_NOW };

function docOf(text: string): SpdxDocument {
  return JSON.parse(text) as SpdxDocument;
}

describe('toSpdx', () => {
  for (const [label, inventory] of [['image', imageInventory()], ['project', projectInventory()]] as const) {
    it(`writes a document the SPDX 2.3 schema accepts (${label})`, () => {
      const result = Spdx23Document.safeParse(JSON.parse(toSpdx(inventory, OPTIONS)));
      assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2));
    });
    it(`matches the golden file (${label})`, () => {
      assertGolden(`spdx/testdata/${label}.spdx.json`, toSpdx(inventory, { ...OPTIONS, name: 'my-project' }));
    });
  }

  it('fails when the output drifts from the schema', () => {
    const doc = JSON.parse(toSpdx(imageInventory(), OPTIONS)) as { packages: Record<string, unknown>[] };
    const first = doc.packages[0];
    assert.ok(first !== undefined);
    first['filesAnalyzed'] = true;
    assert.equal(Spdx23Document.safeParse(doc).success, false);
  });

  it('is deterministic when seeded, and the namespace follows the content', () => {
    const a = toSpdx(imageInventory(), OPTIONS);
    assert.equal(a, toSpdx(imageInventory(), OPTIONS));
    const b = toSpdx(imageInventory(), { ...OPTIONS, now: new Date('2024-05-02T00:00:00Z') });
    assert.notEqual(docOf(a).documentNamespace, docOf(b).documentNamespace);
    assert.match(docOf(a).documentNamespace, /^https:\/\/bosun\.dev\/spdxdocs\/registry.example.com-team-app-1.4-[0-9a-f-]{36}$/);
    assert.equal(docOf(toSpdx(imageInventory(), { ...OPTIONS, namespace: 'https://example.com/x' })).documentNamespace, 'https://example.com/x');
  });

  it('describes the image, contains every package and links OS packages to their sources', () => {
    const doc = docOf(toSpdx(imageInventory(), OPTIONS));
    const byId = new Map(doc.packages.map((p) => [p.SPDXID, p]));
    const described = doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES').map((r) => byId.get(r.relatedSpdxElement));
    assert.deepEqual(described.map((p) => [p?.name, p?.primaryPackagePurpose, p?.versionInfo]), [['registry.example.com/team/app:1.4', 'CONTAINER', 'sha256:abababababababababababababababababababababababababababababababab']]);
    const libraries = doc.packages.filter((p) => p.primaryPackagePurpose === 'LIBRARY');
    assert.equal(libraries.length, imageInventory().packages.length);
    const contained = new Set(doc.relationships.filter((r) => r.relationshipType === 'CONTAINS').map((r) => r.relatedSpdxElement));
    assert.ok(libraries.every((p) => contained.has(p.SPDXID)));
    const sourceOf = (name: string): string | undefined => {
      const id = libraries.find((p) => p.name === name)?.SPDXID;
      const target = doc.relationships.find((r) => r.spdxElementId === id && r.relationshipType === 'GENERATED_FROM')?.relatedSpdxElement;
      return target === undefined ? undefined : byId.get(target)?.name;
    };
    assert.deepEqual([sourceOf('libc6'), sourceOf('libssl3'), sourceOf('openssl'), sourceOf('lodash')], ['glibc', 'openssl', 'openssl', undefined]);
    assert.equal(doc.packages.filter((p) => p.primaryPackagePurpose === 'SOURCE' && p.name === 'openssl').length, 1, 'one source element shared');
    const os = doc.packages.find((p) => p.primaryPackagePurpose === 'OPERATING-SYSTEM');
    assert.deepEqual([os?.name, os?.versionInfo], ['debian', '12']);
  });

  it('states dependency groups that SPDX has relationship types for', () => {
    const doc = docOf(toSpdx(projectInventory(), OPTIONS));
    const name = (id: string): string | undefined => doc.packages.find((p) => p.SPDXID === id)?.name;
    const scoped = doc.relationships.filter((r) => r.relationshipType.endsWith('_DEPENDENCY_OF')).map((r) => [name(r.spdxElementId), r.relationshipType]);
    assert.deepEqual(scoped.sort(), [['org.apache.commons:commons-text', 'PROVIDED_DEPENDENCY_OF'], ['pytest', 'TEST_DEPENDENCY_OF']]);
  });
});
