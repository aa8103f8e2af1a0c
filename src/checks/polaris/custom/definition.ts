import { z } from 'zod';

const schemaObject = z.record(z.string(), z.unknown());

/**
 * A custom check in Polaris's `customChecks` format. `schema` and `schemaString` are JSON Schema
 * (draft 2019-09) with `resourceMinimum`/`resourceMaximum`; both may hold Go-template placeholders.
 * Polaris's own check files spell one key `FailureMessage`; both spellings are read.
 * ref. FairwindsOps/polaris pkg/config/schema.go (SchemaCheck)
 */
export const PolarisCheckDefinition = z
  .object({
    successMessage: z.string().optional(),
    failureMessage: z.string().optional(),
    FailureMessage: z.string().optional(),
    category: z.string().optional(),
    /** `Container`, `PodSpec`, `PodTemplate`, `Controller`, or a kind as `group/Kind`, `/Kind` or `Kind`. */
    target: z.string().min(1),
    /** Only `PodSpec`, with `target: Container`: the schema sees the pod spec holding just that container. */
    schemaTarget: z.enum(['PodSpec', '']).optional(),
    schema: schemaObject.optional(),
    schemaString: z.string().optional(),
    /** Extra schemas by `group/Kind`: at least one such object in the namespace must match each. */
    additionalSchemas: z.record(z.string(), schemaObject).optional(),
    additionalSchemaStrings: z.record(z.string(), z.string()).optional(),
    controllers: z.object({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() }).strict().optional(),
    containers: z.object({ exclude: z.array(z.literal('initContainer')).optional() }).strict().optional(),
    /** Accepted for compatibility with Polaris files; Bosun does not mutate resources. */
    mutations: z.array(z.unknown()).optional(),
  })
  .strict()
  .refine((d) => d.schema !== undefined || d.schemaString !== undefined, { message: 'needs `schema` or `schemaString`' })
  .refine((d) => d.schemaTarget !== 'PodSpec' || d.target === 'Container', { message: '`schemaTarget: PodSpec` needs `target: Container`' });

export type PolarisCheckDefinition = z.infer<typeof PolarisCheckDefinition>;
