import { SARIF_SCHEMA } from '../../writers/sarif/index.js';
import { notificationOf } from '../../writers/sarif/notifications.js';
import type { SarifLog } from '../../writers/sarif/types.js';
import type { PolicyResultsRun, PolicyResultWriter } from '../types.js';
import { isReported, resultOf } from './results.js';
import { ruleIdOf, rulesOf } from './rules.js';

/**
 * Policy rule results as SARIF 2.1.0, for GitHub code scanning: one rule per policy rule, one
 * result per failed, warned or unevaluable rule on a resource, located at the resource's document.
 * Shares the SARIF types, URI and fingerprint conventions with the scan report's SARIF writer.
 */
export const policySarifWriter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 (GitHub code scanning, IDE viewers)',
  write(run: PolicyResultsRun): string {
    return `${JSON.stringify(policySarifLogOf(run), null, 2)}\n`;
  },
} satisfies PolicyResultWriter;

export function policySarifLogOf(run: PolicyResultsRun): SarifLog {
  const reported = run.results.filter(isReported);
  const { rules, indexOf } = rulesOf(reported);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Bosun', version: run.tool.version, informationUri: run.tool.informationUri, rules } },
        invocations: [
          {
            // §3.20.14: false when some input could not be loaded, so some rules never ran.
            executionSuccessful: !run.diagnostics.some((d) => d.level === 'error'),
            endTimeUtc: run.generatedAt.toISOString(),
            toolExecutionNotifications: run.diagnostics.map(notificationOf),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: reported.map((r) => resultOf(r, ruleIdOf(r), indexOf.get(ruleIdOf(r)) ?? 0)),
      },
    ],
  };
}
