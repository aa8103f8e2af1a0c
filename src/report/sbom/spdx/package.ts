import type { OsInfo, Package } from '../../../vuln/index.js';
import type { SbomSubject } from '../subject.js';
import type { SpdxPackage, SpdxPurpose, SpdxRelationshipType } from './model.js';

/**
 * Bosun records no licenses, copyrights or download locations, so each is NOASSERTION (ref. SPDX
 * 2.3 §7.7, §7.13, §7.15, §7.17: "the SPDX file creator has made no attempt to determine"), and
 * files are not analysed (§7.8), which spares the verification code.
 */
function spdxPackage(name: string, id: string, purpose: SpdxPurpose, version: string | undefined, purl: string | undefined): SpdxPackage {
  return {
    name,
    SPDXID: id,
    ...(version !== undefined && version !== '' ? { versionInfo: version } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    // ref. SPDX 2.3 Annex F: purl is a PACKAGE-MANAGER external reference.
    ...(purl !== undefined ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }] } : {}),
    primaryPackagePurpose: purpose,
  };
}

export function packageElement(pkg: Package, id: string): SpdxPackage {
  return spdxPackage(pkg.name, id, 'LIBRARY', pkg.version, pkg.purl !== '' ? pkg.purl : undefined);
}

/** The source package an OS package was built from; linked by GENERATED_FROM. */
export function sourceElement(source: { name: string; version: string }, id: string): SpdxPackage {
  return spdxPackage(source.name, id, 'SOURCE', source.version, undefined);
}

/** ref. SPDX 2.3 §7.24: OPERATING-SYSTEM purpose; named by os-release ID, versioned by VERSION_ID. */
export function osElement(os: OsInfo, id: string): SpdxPackage {
  return { ...spdxPackage(os.id, id, 'OPERATING-SYSTEM', os.versionId, undefined), description: os.name };
}

export function subjectElement(subject: SbomSubject, id: string): SpdxPackage {
  return spdxPackage(subject.name, id, subject.kind === 'container' ? 'CONTAINER' : 'APPLICATION', subject.version, subject.purl);
}

/** ref. SPDX 2.3 §11.1: dependency groups that have a relationship type of their own. */
export const GROUP_RELATIONSHIP: Readonly<Record<string, SpdxRelationshipType>> = {
  dev: 'DEV_DEPENDENCY_OF',
  test: 'TEST_DEPENDENCY_OF',
  optional: 'OPTIONAL_DEPENDENCY_OF',
  provided: 'PROVIDED_DEPENDENCY_OF',
  runtime: 'RUNTIME_DEPENDENCY_OF',
};
