import type { SbomInventory } from '../../../vuln/index.js';
import { contentUuid, utcSeconds } from '../identity.js';
import { sortedPackages } from '../order.js';
import { subjectOf } from '../subject.js';
import type { CycloneDxOptions } from '../types.js';
import { osComponent, packageComponent } from './component.js';
import type { CdxBom, CdxComponent } from './model.js';
import { subjectComponent } from './subject.js';

/**
 * An inventory as a CycloneDX 1.6 JSON BOM. ref. CycloneDX 1.6 specification: metadata (timestamp,
 * tools as components, the subject as metadata.component), one component per package, and a
 * dependency entry saying the subject holds them (Bosun records no package-to-package edges).
 */
export function toCycloneDx(inventory: SbomInventory, options: CycloneDxOptions): string {
  const subject = subjectOf(inventory, options.name ?? '.');
  const rootRef = subject.purl ?? 'bosun:subject';
  const components: CdxComponent[] = [];
  if (inventory.os !== null) components.push(osComponent(inventory.os, `bosun:os:${inventory.os.id}`));
  const seen = new Map<string, number>();
  for (const pkg of sortedPackages(inventory.packages)) {
    // bom-refs must be unique and non-empty in a BOM (CycloneDX 1.6 refType); the same purl found
    // twice (two node_modules copies) gets a counter after a character purls never contain unencoded.
    const base = pkg.purl !== '' ? pkg.purl : `bosun:package:${pkg.ecosystem}:${pkg.name}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    components.push(packageComponent(pkg, count === 1 ? base : `${base}|${count}`));
  }
  const bom: Omit<CdxBom, 'serialNumber'> & { serialNumber?: string } = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: utcSeconds(options.now ?? new Date()),
      tools: { components: [{ type: 'application', name: 'bosun', version: options.toolVersion }] },
      component: subjectComponent(subject, inventory, rootRef),
    },
    components,
    dependencies: [{ ref: rootRef, dependsOn: components.map((c) => c['bom-ref']) }],
  };
  const serialNumber = options.serialNumber ?? `urn:uuid:${contentUuid(JSON.stringify(bom))}`;
  // serialNumber third, where readers of the JSON expect it.
  const { $schema, bomFormat, specVersion, ...rest } = bom;
  const ordered: CdxBom = { $schema, bomFormat, specVersion, serialNumber, ...rest };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
