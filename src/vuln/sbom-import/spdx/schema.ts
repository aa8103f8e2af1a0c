import { z } from 'zod';

/**
 * The parts of an SPDX 2.2 / 2.3 JSON document the reader uses. ref. SPDX 2.3 §7 (package: name and
 * SPDXID required), §7.21 (external references), §11 (relationships). Loose objects: files,
 * snippets and license data are ignored, not rejected.
 */
export const SpdxExternalRef = z.looseObject({ referenceCategory: z.string(), referenceType: z.string(), referenceLocator: z.string() });

export const SpdxPackage = z.looseObject({
  SPDXID: z.string().min(1),
  name: z.string(),
  versionInfo: z.string().optional(),
  description: z.string().optional(),
  primaryPackagePurpose: z.string().optional(),
  externalRefs: z.array(SpdxExternalRef).optional(),
});
export type SpdxPackage = z.infer<typeof SpdxPackage>;

export const SpdxRelationship = z.looseObject({ spdxElementId: z.string(), relationshipType: z.string(), relatedSpdxElement: z.string() });
export type SpdxRelationship = z.infer<typeof SpdxRelationship>;

export const SpdxDocument = z.looseObject({
  spdxVersion: z.string(),
  /** SPDX 2.2 lists what the document describes here; 2.3 prefers DESCRIBES relationships. */
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(SpdxPackage).optional(),
  relationships: z.array(SpdxRelationship).optional(),
});
export type SpdxDocument = z.infer<typeof SpdxDocument>;
