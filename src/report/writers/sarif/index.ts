import type { ReportWriter, ScanReport } from '../../types.js';
import { notificationOf } from './notifications.js';
import { resultOf } from './results.js';
import type { RuleLookup } from './rules.js';
import { rulesFrom } from './rules.js';
import type { SarifLog, SarifResult } from './types.js';

export type { RuleLookup, RuleText } from './rules.js';

/**
 * The schema GitHub's documentation points SARIF producers at; the content is SARIF 2.1.0
 * (OASIS Standard, errata 01).
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export const sarifWriter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 (GitHub code scanning, IDE viewers)',
  extension: 'sarif',
  write(report: ScanReport): string {
    // Results go one per line: a large scan (tens of thousands of results) stays about half the size
    // and memory of a fully indented log, while the rest of the log stays readable.
    const log = sarifLogOf(report);
    const [run] = log.runs;
    if (run === undefined || run.results.length === 0) return `${JSON.stringify(log, null, 2)}\n`;
    const marker = '__bosun_results__';
    const shell = JSON.stringify({ ...log, runs: [{ ...run, results: marker }] }, null, 2);
    const results = `[\n        ${run.results.map((r) => JSON.stringify(r)).join(',\n        ')}\n      ]`;
    return `${shell.replace(JSON.stringify(marker), () => results)}\n`;
  },
} satisfies ReportWriter;

/**
 * Builds the log. `lookup` lets a caller with a check catalog add descriptions and help links;
 * rules still come only from the findings present, so every rule has a result.
 */
export function sarifLogOf(report: ScanReport, lookup?: RuleLookup): SarifLog {
  // §3.27: a result is "a condition detected", so passes are not results. Skips stay, with a
  // suppression, so GitHub closes (rather than forgets) an alert when an exception is added.
  const reported = report.findings.filter((f) => f.status !== 'pass');
  const { rules, indexOf } = rulesFrom(reported, lookup);
  const results: SarifResult[] = reported.map((f) => resultOf(f, indexOf.get(f.checkId) ?? 0));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            // §3.19.8: the tool's display name; GitHub shows it as the alert's tool.
            name: 'Bosun',
            version: report.tool.version,
            informationUri: report.tool.informationUri,
            rules,
          },
        },
        invocations: [
          {
            // §3.20.14: false when the tool could not do all it was asked; an unreadable or
            // malformed input means some resources were never audited.
            executionSuccessful: !report.diagnostics.some((d) => d.level === 'error'),
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: report.diagnostics.map(notificationOf),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        // No `automationDetails.id` (§3.17): GitHub's upload action sets the analysis category, and
        // a value written here would fight it when one repository runs several scans.
      },
    ],
  };
}
