import type { Finding } from '../findings/index.js';
import type { Resource } from '../k8s/index.js';
import { mergeResults } from './merge.js';
import { allChecks, FAMILIES } from './registry.js';
import { createResourceIndex } from './resource-index.js';
import type { CheckSelection } from './selection.js';
import type { AuditContext, AuditOptions, CheckResult, FamilySummary } from './types.js';

export interface AuditInput {
  resources: readonly Resource[];
  selection: CheckSelection;
  options?: Partial<AuditOptions>;
  /** Keep passing checks as `pass` findings. @default false */
  includePassed?: boolean;
}

export interface AuditOutcome {
  findings: Finding[];
  summaries: FamilySummary[];
  /** Family results behind the findings (passes only with `includePassed`), for family-native views. */
  results: CheckResult[];
}

/** Runs the selected families over the resources. Pure: no files, network or clock. */
export function auditResources(input: AuditInput): AuditOutcome {
  const options: AuditOptions = {
    pssLevel: input.selection.pssLevel ?? input.options?.pssLevel ?? 'restricted',
    pssVersion: input.options?.pssVersion ?? 'latest',
    families: input.options?.families ?? {},
    includePassed: input.includePassed ?? false,
  };
  const context: AuditContext = { resources: input.resources, index: createResourceIndex(input.resources), options };
  const results: CheckResult[] = [];
  const summaries: FamilySummary[] = [];
  const wanted = input.selection.checkIds;
  const keepPassed = input.includePassed ?? false;
  for (const family of FAMILIES.values()) {
    if (!input.selection.families.has(family.id)) continue;
    const familyResults = family.run(context);
    if (family.summarize !== undefined) summaries.push(family.summarize(familyResults, context));
    for (const result of familyResults) {
      // Passes only matter for summaries (already taken) and when asked for; dropping them here
      // keeps memory flat on large inputs, and cannot change a merged verdict (pass is the weakest).
      if (result.status === 'pass' && !keepPassed) continue;
      if (wanted === undefined || wanted.has(result.checkId)) results.push(result);
    }
  }
  const findings = mergeResults(results, allChecks(), { includePassed: input.includePassed ?? false });
  return { findings, summaries, results };
}
