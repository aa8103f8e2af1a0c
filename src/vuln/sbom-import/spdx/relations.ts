import type { SpdxDocument } from './schema.js';

/** What the relationships of a document say, indexed by element id. */
export interface SpdxRelations {
  /** Elements the document describes. */
  described: Set<string>;
  /** Binary package id → the source package it was built from. */
  builtFrom: Map<string, string>;
  /** Ids that are some package's source. */
  sources: Set<string>;
  /** Package id → dependency groups. */
  groups: Map<string, string[]>;
}

/** ref. SPDX 2.3 §11.1: the dependency-scope relationship types, as Bosun's group names. */
const GROUP_OF_TYPE: Readonly<Record<string, string>> = {
  DEV_DEPENDENCY_OF: 'dev',
  TEST_DEPENDENCY_OF: 'test',
  OPTIONAL_DEPENDENCY_OF: 'optional',
  PROVIDED_DEPENDENCY_OF: 'provided',
  RUNTIME_DEPENDENCY_OF: 'runtime',
};

/**
 * Reads both directions each relationship can be written in (ref. SPDX 2.3 §11.1: DESCRIBES /
 * DESCRIBED_BY, GENERATED_FROM / GENERATES), plus SPDX 2.2's documentDescribes list.
 */
export function relationsOf(document: SpdxDocument): SpdxRelations {
  const described = new Set(document.documentDescribes ?? []);
  const builtFrom = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const r of document.relationships ?? []) {
    switch (r.relationshipType) {
      case 'DESCRIBES':
        if (r.spdxElementId === 'SPDXRef-DOCUMENT') described.add(r.relatedSpdxElement);
        break;
      case 'DESCRIBED_BY':
        if (r.relatedSpdxElement === 'SPDXRef-DOCUMENT') described.add(r.spdxElementId);
        break;
      case 'GENERATED_FROM':
        builtFrom.set(r.spdxElementId, r.relatedSpdxElement);
        break;
      case 'GENERATES':
        builtFrom.set(r.relatedSpdxElement, r.spdxElementId);
        break;
      default: {
        const group = GROUP_OF_TYPE[r.relationshipType];
        if (group === undefined) break;
        const list = groups.get(r.spdxElementId) ?? [];
        if (!list.includes(group)) list.push(group);
        groups.set(r.spdxElementId, list);
      }
    }
  }
  return { described, builtFrom, sources: new Set(builtFrom.values()), groups };
}
