import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXED_NOW, imageInventory, projectInventory } from '../fixture.test-helper.js';
import { assertGolden } from '../golden.test-helper.js';
import type { CdxBom } from './model.js';
import { cycloneDx16Validator } from './schema.test-helper.js';
import { toCycloneDx } from './write.js';

const OPTIONS = { toolVersion: '0.1.0', now: FIXED_NOW };

function bomOf(text: string): CdxBom {
  return JSON.parse(text) as CdxBom;
}

describe('toCycloneDx', () => {
  for (const [label, inventory] of [['image', imageInventory()], ['project', projectInventory()]] as const) {
    it(`writes a BOM the CycloneDX 1.6 schema accepts (${label})`, () => {
      const validate = cycloneDx16Validator();
      const ok = validate(JSON.parse(toCycloneDx(inventory, OPTIONS)));
      assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    });
    it(`matches the golden file (${label})`, () => {
      assertGolden(`cyclonedx/testdata/${label}.cdx.json`, toCycloneDx(inventory, { ...OPTIONS, name: 'my-project' }));
    });
  }

  it('fails when the output drifts from the schema', () => {
    const bom = JSON.parse(toCycloneDx(imageInventory(), OPTIONS)) as { components: Record<string, unknown>[] };
    const first = bom.components[0];
    assert.ok(first !== undefined);
    first['layer'] = 'sha256:1';
    assert.equal(cycloneDx16Validator()(bom), false);
  });

  it('is deterministic, and the serial number follows the content', () => {
    const a = toCycloneDx(imageInventory(), OPTIONS);
    assert.equal(a, toCycloneDx(imageInventory(), OPTIONS));
    const shuffled = imageInventory();
    shuffled.packages.reverse();
    assert.equal(toCycloneDx(shuffled, OPTIONS), a, 'package order does not matter');
    const later = toCycloneDx(imageInventory(), { ...OPTIONS, now: new Date('2024-05-02T00:00:00Z') });
    assert.notEqual(bomOf(later).serialNumber, bomOf(a).serialNumber);
    assert.match(bomOf(a).serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(bomOf(toCycloneDx(imageInventory(), { ...OPTIONS, serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000' })).serialNumber, 'urn:uuid:00000000-0000-4000-8000-000000000000');
  });

  it('describes the image as a container with its digest and the OS as an operating-system component', () => {
    const bom = bomOf(toCycloneDx(imageInventory(), OPTIONS));
    assert.equal(bom.metadata.component.type, 'container');
    assert.equal(bom.metadata.component.version, 'sha256:abababababababababababababababababababababababababababababababab');
    assert.match(bom.metadata.component.purl ?? '', /^pkg:oci\/app@sha256:abab.*\?repository_url=registry.example.com\/team\/app&tag=1.4$/);
    const os = bom.components.find((c) => c.type === 'operating-system');
    assert.deepEqual([os?.name, os?.version, os?.description], ['debian', '12', 'Debian GNU/Linux']);
    assert.deepEqual(bom.metadata.tools.components, [{ type: 'application', name: 'bosun', version: '0.1.0' }]);
  });

  it('gives unique bom-refs, scopes by dependency group and keeps Bosun facts in bosun: properties', () => {
    const bom = bomOf(toCycloneDx(imageInventory(), OPTIONS));
    const refs = bom.components.map((c) => c['bom-ref']);
    assert.equal(new Set(refs).size, refs.length);
    const scope = (name: string): string | undefined => bom.components.find((c) => c.name === name)?.scope;
    assert.deepEqual([scope('lodash'), scope('jest'), scope('fsevents')], [undefined, 'excluded', 'optional']);
    const libssl = bom.components.find((c) => c.name === 'libssl3');
    assert.deepEqual(
      libssl?.properties?.filter((p) => p.name.startsWith('bosun:package:source')),
      [{ name: 'bosun:package:source:name', value: 'openssl' }, { name: 'bosun:package:source:version', value: '3.0.11-1~deb12u2' }],
    );
    assert.ok(bom.components.every((c) => (c.properties ?? []).every((p) => p.name.startsWith('bosun:'))));
  });

  it('names a directory subject as given, as an application', () => {
    const bom = bomOf(toCycloneDx(projectInventory(), { ...OPTIONS, name: 'services/api' }));
    assert.deepEqual([bom.metadata.component.type, bom.metadata.component.name], ['application', 'services/api']);
    assert.equal(bom.components.some((c) => c.type === 'operating-system'), false);
  });
});
