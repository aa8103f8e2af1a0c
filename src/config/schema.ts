import { z } from 'zod';

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? [v] : v));
const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

export const ExemptionSchema = z
  .object({
    checks: stringList.optional(),
    namespaces: stringList.optional(),
    names: stringList.optional(),
    kinds: stringList.optional(),
    containers: stringList.optional(),
    fingerprints: stringList.optional(),
    reason: z.string().min(1, 'every exemption needs a reason'),
    owner: z.string().optional(),
    ticket: z.string().optional(),
    expires: isoDate.optional(),
  })
  .strict();

/** `.bosun.yaml`: defaults for flags, exemptions, and per-family settings. See docs/configuration.md. */
export const ConfigSchema = z
  .object({
    checks: stringList.optional(),
    severity: z.union([severity, z.array(severity)]).optional(),
    failOn: z.union([severity, z.literal('none')]).optional(),
    pss: z
      .object({
        level: z.enum(['baseline', 'restricted']).optional(),
        version: z.string().regex(/^(latest|v1\.\d+)$/, 'expected "latest" or v1.N').optional(),
      })
      .strict()
      .optional(),
    exemptions: z.array(ExemptionSchema).optional(),
    polaris: z.unknown().optional(),
    kubeaudit: z.unknown().optional(),
    bosun: z.unknown().optional(),
  })
  .strict();

export type BosunConfig = z.infer<typeof ConfigSchema>;
export type ExemptionConfig = z.infer<typeof ExemptionSchema>;
