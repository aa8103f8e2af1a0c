/** The part of the SPDX 2.3 JSON model Bosun writes; field names as in the SPDX 2.3 JSON schema. */
export type SpdxPurpose = 'APPLICATION' | 'CONTAINER' | 'LIBRARY' | 'OPERATING-SYSTEM' | 'SOURCE';

/** ref. SPDX 2.3 §11.1 (relationship types) — the ones Bosun writes. */
export type SpdxRelationshipType =
  | 'DESCRIBES'
  | 'CONTAINS'
  | 'GENERATED_FROM'
  | 'DEV_DEPENDENCY_OF'
  | 'TEST_DEPENDENCY_OF'
  | 'OPTIONAL_DEPENDENCY_OF'
  | 'PROVIDED_DEPENDENCY_OF'
  | 'RUNTIME_DEPENDENCY_OF';

export interface SpdxPackage {
  name: string;
  SPDXID: string;
  versionInfo?: string;
  description?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  licenseConcluded: 'NOASSERTION';
  licenseDeclared: 'NOASSERTION';
  copyrightText: 'NOASSERTION';
  externalRefs?: { referenceCategory: 'PACKAGE-MANAGER'; referenceType: 'purl'; referenceLocator: string }[];
  primaryPackagePurpose: SpdxPurpose;
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: SpdxRelationshipType;
  relatedSpdxElement: string;
}

export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}
