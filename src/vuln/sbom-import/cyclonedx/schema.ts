import { z } from 'zod';

/**
 * The parts of a CycloneDX JSON BOM (1.4 to 1.6) the reader uses. ref. CycloneDX 1.6 JSON schema:
 * component `type` and `name` are required; everything else is optional. Objects stay loose so
 * fields we ignore (hashes, licenses, 1.6 additions) never make a valid BOM unreadable.
 */
export const CdxProperty = z.looseObject({ name: z.string(), value: z.string().optional() });

export const CdxOccurrence = z.looseObject({ location: z.string(), line: z.number().int().nonnegative().optional() });

export interface CdxComponent {
  type: string;
  name: string;
  'bom-ref'?: string | undefined;
  group?: string | undefined;
  version?: string | undefined;
  description?: string | undefined;
  scope?: string | undefined;
  purl?: string | undefined;
  properties?: z.infer<typeof CdxProperty>[] | undefined;
  evidence?: { occurrences?: z.infer<typeof CdxOccurrence>[] | undefined } | undefined;
  /** Nested components (ref. CycloneDX 1.6 component.components: "a list of software and hardware components included in the parent"). */
  components?: CdxComponent[] | undefined;
}

export const CdxComponent: z.ZodType<CdxComponent> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    name: z.string(),
    'bom-ref': z.string().optional(),
    group: z.string().optional(),
    version: z.string().optional(),
    description: z.string().optional(),
    scope: z.string().optional(),
    purl: z.string().optional(),
    properties: z.array(CdxProperty).optional(),
    evidence: z.looseObject({ occurrences: z.array(CdxOccurrence).optional() }).optional(),
    components: z.array(CdxComponent).optional(),
  }),
);

export const CdxBom = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  metadata: z.looseObject({ component: CdxComponent.optional() }).optional(),
  components: z.array(CdxComponent).optional(),
});
export type CdxBom = z.infer<typeof CdxBom>;
