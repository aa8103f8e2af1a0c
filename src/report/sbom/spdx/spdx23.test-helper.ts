/**
 * An SPDX 2.3 JSON schema for the writer tests, written from the SPDX 2.3 specification because no
 * npm package ships the official spdx-schema-v2.3.json (checked: @cyclonedx/cyclonedx-library ships
 * only the license-id list, @cyclonedx/cdxgen only SPDX 3.0 JSON-LD). It covers what Bosun writes:
 * every field the specification makes mandatory, the formats it prescribes, and closed objects so a
 * field Bosun starts writing without checking the specification fails here. Its required fields,
 * enums and patterns were checked against the official schema (schemas/spdx-schema.json of the
 * spdx-spec repository, v2.3), which this does not copy.
 */
import { z } from 'zod';

/** ref. SPDX 2.3 §6.3 / §7.2: `SPDXRef-` followed by letters, digits, `.` and `-`. */
const IdString = z.string().regex(/^SPDXRef-[A-Za-z0-9.-]+$/);

/** ref. SPDX 2.3 §6.9: `YYYY-MM-DDThh:mm:ssZ`, UTC. */
const Created = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

/** ref. SPDX 2.3 §6.8: `Person: `, `Organization: ` or `Tool: ` then the creator. */
const Creator = z.string().regex(/^(Person|Organization|Tool): \S.*$/);

/** ref. SPDX 2.3 §6.5: an absolute URI without a `#` part. */
const Namespace = z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/[^\s#]+$/i);

/** ref. SPDX 2.3 §7.7: NONE, NOASSERTION or a download location URI. */
const DownloadLocation = z.union([z.literal('NONE'), z.literal('NOASSERTION'), z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i)]);

/** ref. SPDX 2.3 §7.13 / §7.15: NONE, NOASSERTION or a license expression (checked loosely). */
const License = z.union([z.literal('NONE'), z.literal('NOASSERTION'), z.string().regex(/^[A-Za-z0-9().+: -]+$/)]);

/** ref. SPDX 2.3 §7.21 and Annex F. */
const ExternalRef = z.strictObject({
  referenceCategory: z.enum(['SECURITY', 'PACKAGE-MANAGER', 'PACKAGE_MANAGER', 'PERSISTENT-ID', 'PERSISTENT_ID', 'OTHER']),
  referenceType: z.string().min(1),
  referenceLocator: z.string().regex(/^\S+$/),
  comment: z.string().optional(),
});

/** ref. SPDX 2.3 §7.24. */
const Purpose = z.enum(['APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'OPERATING-SYSTEM', 'DEVICE', 'FIRMWARE', 'SOURCE', 'ARCHIVE', 'FILE', 'INSTALL', 'OTHER']);

/** ref. SPDX 2.3 §7: name, SPDXID and downloadLocation are mandatory; a verification code when files were analysed (§7.9). */
const Package = z
  .strictObject({
    name: z.string().min(1),
    SPDXID: IdString,
    versionInfo: z.string().min(1).optional(),
    description: z.string().optional(),
    downloadLocation: DownloadLocation,
    filesAnalyzed: z.boolean().optional(),
    packageVerificationCode: z.strictObject({ packageVerificationCodeValue: z.string().regex(/^[0-9a-f]{40}$/) }).optional(),
    licenseConcluded: License.optional(),
    licenseDeclared: License.optional(),
    copyrightText: z.string().optional(),
    sourceInfo: z.string().optional(),
    externalRefs: z.array(ExternalRef).optional(),
    primaryPackagePurpose: Purpose.optional(),
  })
  .refine((p) => p.filesAnalyzed === false || p.packageVerificationCode !== undefined, { message: 'filesAnalyzed (default true) requires packageVerificationCode' });

/** ref. SPDX 2.3 §11.1: the relationship types of 2.3. */
const RelationshipType = z.enum([
  'DESCRIBES', 'DESCRIBED_BY', 'CONTAINS', 'CONTAINED_BY', 'DEPENDS_ON', 'DEPENDENCY_OF', 'DEPENDENCY_MANIFEST_OF', 'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF', 'OPTIONAL_DEPENDENCY_OF', 'PROVIDED_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF', 'RUNTIME_DEPENDENCY_OF', 'EXAMPLE_OF',
  'GENERATES', 'GENERATED_FROM', 'ANCESTOR_OF', 'DESCENDANT_OF', 'VARIANT_OF', 'DISTRIBUTION_ARTIFACT', 'PATCH_FOR', 'PATCH_APPLIED',
  'COPY_OF', 'FILE_ADDED', 'FILE_DELETED', 'FILE_MODIFIED', 'EXPANDED_FROM_ARCHIVE', 'DYNAMIC_LINK', 'STATIC_LINK', 'DATA_FILE_OF',
  'TEST_CASE_OF', 'BUILD_TOOL_OF', 'DEV_TOOL_OF', 'TEST_OF', 'TEST_TOOL_OF', 'DOCUMENTATION_OF', 'OPTIONAL_COMPONENT_OF', 'METAFILE_OF',
  'PACKAGE_OF', 'AMENDS', 'PREREQUISITE_FOR', 'HAS_PREREQUISITE', 'REQUIREMENT_DESCRIPTION_FOR', 'SPECIFICATION_FOR', 'OTHER',
]);

const Relationship = z.strictObject({
  spdxElementId: IdString,
  relationshipType: RelationshipType,
  // ref. SPDX 2.3 §11.1: the related element may also be NONE or NOASSERTION.
  relatedSpdxElement: z.union([IdString, z.literal('NONE'), z.literal('NOASSERTION')]),
  comment: z.string().optional(),
});

/** ref. SPDX 2.3 §6: the document creation information, all mandatory. */
export const Spdx23Document = z
  .strictObject({
    spdxVersion: z.literal('SPDX-2.3'),
    dataLicense: z.literal('CC0-1.0'),
    SPDXID: z.literal('SPDXRef-DOCUMENT'),
    name: z.string().min(1),
    documentNamespace: Namespace,
    creationInfo: z.strictObject({ created: Created, creators: z.array(Creator).min(1), licenseListVersion: z.string().optional(), comment: z.string().optional() }),
    documentDescribes: z.array(IdString).optional(),
    packages: z.array(Package),
    relationships: z.array(Relationship),
  })
  // ref. SPDX 2.3 §7.2: ids are unique within a document; §11.1: relationships name its elements.
  .superRefine((doc, ctx) => {
    const ids = new Set<string>(['SPDXRef-DOCUMENT']);
    for (const p of doc.packages) {
      if (ids.has(p.SPDXID)) ctx.addIssue({ code: 'custom', message: `duplicate SPDXID ${p.SPDXID}` });
      ids.add(p.SPDXID);
    }
    for (const r of doc.relationships) {
      for (const id of [r.spdxElementId, r.relatedSpdxElement]) {
        if (id !== 'NONE' && id !== 'NOASSERTION' && !ids.has(id)) ctx.addIssue({ code: 'custom', message: `relationship names unknown element ${id}` });
      }
    }
    // ref. SPDX 2.3 §11.1: a document DESCRIBES at least one element.
    if (!doc.relationships.some((r) => r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES') && (doc.documentDescribes ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', message: 'the document describes nothing' });
    }
  });
