import type { SbomInventory } from '../../../vuln/index.js';
import { contentUuid, utcSeconds } from '../identity.js';
import { sortedPackages } from '../order.js';
import { subjectOf } from '../subject.js';
import type { SpdxOptions } from '../types.js';
import { idSafe, spdxId } from './ids.js';
import type { SpdxDocument, SpdxPackage, SpdxRelationship } from './model.js';
import { GROUP_RELATIONSHIP, osElement, packageElement, sourceElement, subjectElement } from './package.js';

/**
 * An inventory as an SPDX 2.3 JSON document. ref. SPDX 2.3 §6 (document creation information), §7
 * (packages), §11 (relationships): the document DESCRIBES the subject, which CONTAINS the OS and
 * every package; an OS package is GENERATED_FROM its source package; dependency groups with an SPDX
 * relationship type are stated against the subject.
 */
export function toSpdx(inventory: SbomInventory, options: SpdxOptions): string {
  const subject = subjectOf(inventory, options.name ?? '.');
  const rootId = spdxId(subject.kind === 'container' ? 'Image' : 'Directory', subject.name, `${subject.name}@${subject.version ?? ''}`);
  const packages: SpdxPackage[] = [subjectElement(subject, rootId)];
  const relationships: SpdxRelationship[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId }];
  const contains = (id: string): void => {
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
  };
  if (inventory.os !== null) {
    const osId = spdxId('OperatingSystem', inventory.os.id, `${inventory.os.id}@${inventory.os.versionId}`);
    packages.push(osElement(inventory.os, osId));
    contains(osId);
  }
  const sources = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const pkg of sortedPackages(inventory.packages)) {
    const count = (seen.get(pkg.purl) ?? 0) + 1;
    seen.set(pkg.purl, count);
    const id = spdxId('Package', pkg.name, `${pkg.purl}|${count}`);
    packages.push(packageElement(pkg, id));
    contains(id);
    for (const group of pkg.depGroups) {
      const type = GROUP_RELATIONSHIP[group];
      if (type !== undefined) relationships.push({ spdxElementId: id, relationshipType: type, relatedSpdxElement: rootId });
    }
    if (pkg.source === undefined) continue;
    // One source element per (ecosystem, name, version): many binaries share a source package.
    const key = `${pkg.ecosystem}|${pkg.source.name}|${pkg.source.version}`;
    let sourceId = sources.get(key);
    if (sourceId === undefined) {
      sourceId = spdxId('Source', pkg.source.name, key);
      sources.set(key, sourceId);
      packages.push(sourceElement(pkg.source, sourceId));
    }
    relationships.push({ spdxElementId: id, relationshipType: 'GENERATED_FROM', relatedSpdxElement: sourceId });
  }
  const created = utcSeconds(options.now ?? new Date());
  const body = {
    name: subject.name,
    creationInfo: { created, creators: [`Tool: bosun-${options.toolVersion}`] },
    packages,
    relationships,
  };
  // ref. SPDX 2.3 §6.5: a unique absolute URI per document; derived from the content so a seeded
  // run (fixed `now`) is reproducible while two different documents never share one.
  const namespace = options.namespace ?? `https://bosun.dev/spdxdocs/${idSafe(subject.name)}-${contentUuid(JSON.stringify(body))}`;
  const document: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: body.name,
    documentNamespace: namespace,
    creationInfo: body.creationInfo,
    packages: body.packages,
    relationships: body.relationships,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
