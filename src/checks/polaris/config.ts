import { z } from 'zod';
import { BosunError } from '../../kernel/index.js';
import { BUILT_IN_CHECKS } from './checks/index.js';
import { PolarisCheckDefinition } from './custom/definition.js';
import { DEFAULT_SEVERITIES } from './severity.js';
import type { PolarisSeverity } from './types.js';

const Severity = z.enum(['ignore', 'warning', 'danger']);

/** Skips checks for matching resources. Every field given must match; an empty exemption matches all. */
const Exemption = z
  .object({
    /** Exact namespace. */
    namespace: z.string().optional(),
    /** Resource names, matched as prefixes (`coredns` covers `coredns-autoscaler`). */
    controllerNames: z.array(z.string()).optional(),
    /** Exact container names; only container-level checks can match. */
    containerNames: z.array(z.string()).optional(),
    /** Polaris check ids; all checks when absent. */
    rules: z.array(z.string()).optional(),
  })
  .strict();

/** `options.families.polaris`, in the shape of a Polaris config file. */
export const PolarisConfig = z
  .object({
    /** Severity per Polaris check id, merged over the defaults. Custom checks run only when listed here. */
    checks: z.record(z.string(), Severity).optional(),
    /** @default [] */
    exemptions: z.array(Exemption).optional(),
    customChecks: z.record(z.string(), PolarisCheckDefinition).optional(),
    /** Ignore all exemptions. @default false */
    disallowExemptions: z.boolean().optional(),
    /** Ignore `exemptions` from the config. @default false */
    disallowConfigExemptions: z.boolean().optional(),
    /** Ignore `polaris.fairwinds.com/...-exempt` annotations. @default false */
    disallowAnnotationExemptions: z.boolean().optional(),
  })
  .strict();

export type PolarisConfig = z.infer<typeof PolarisConfig>;
export type PolarisExemption = z.infer<typeof Exemption>;

export interface ResolvedPolarisConfig {
  severities: ReadonlyMap<string, PolarisSeverity>;
  exemptions: readonly PolarisExemption[];
  customChecks: ReadonlyMap<string, PolarisCheckDefinition>;
  annotationExemptions: boolean;
}

/** Validates the family config and merges it over the defaults. */
export function resolvePolarisConfig(raw: unknown): ResolvedPolarisConfig {
  const parsed = PolarisConfig.safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new BosunError('config.invalid', `invalid polaris configuration: ${detail}`, { cause: parsed.error });
  }
  const config = parsed.data;
  const severities = new Map<string, PolarisSeverity>(Object.entries(DEFAULT_SEVERITIES));
  const customChecks = new Map(Object.entries(config.customChecks ?? {}));
  for (const [id, severity] of Object.entries(config.checks ?? {})) {
    if (!BUILT_IN_CHECKS.has(id) && !customChecks.has(id)) {
      throw new BosunError('config.invalid', `polaris configuration sets a severity for unknown check "${id}" (not built in, not under customChecks)`);
    }
    severities.set(id, severity);
  }
  const noExemptions = config.disallowExemptions === true;
  return {
    severities,
    exemptions: noExemptions || config.disallowConfigExemptions === true ? [] : (config.exemptions ?? []),
    customChecks,
    annotationExemptions: !noExemptions && config.disallowAnnotationExemptions !== true,
  };
}
