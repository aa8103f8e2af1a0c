import type { FamilySummary } from '../checks/index.js';
import type { Finding, RuleStatus, Severity } from '../findings/index.js';
import type { Diagnostic } from '../kernel/index.js';

/** Everything a writer needs about one run. Writers format it; they decide nothing. */
export interface ScanReport {
  tool: { name: 'bosun'; version: string; informationUri: string };
  /** e.g. `scan config`. */
  command: string;
  /** ISO timestamp from the injected clock. */
  generatedAt: string;
  inputs: {
    files: string[];
    /** Resources audited. */
    resources: number;
  };
  /** Findings to show (already filtered by severity; passes included only when asked). */
  findings: Finding[];
  /** Polaris-style scores and grades, when the family ran. */
  summaries: FamilySummary[];
  /** Problems with the input: malformed files, unknown kinds, ... */
  diagnostics: Diagnostic[];
  totals: ReportTotals;
}

export interface ReportTotals {
  byStatus: Record<RuleStatus, number>;
  /** Counts of failing findings (`fail`, `warn`, `error`) per severity. */
  bySeverity: Record<Severity, number>;
}

export interface WriterOptions {
  /** ANSI colour; only the table writer uses it, and only on a TTY. */
  color: boolean;
}

/** One output format. Plain object registered in writers/registry.ts. */
export interface ReportWriter {
  id: string;
  description: string;
  /** Conventional file extension, for `--output` hints. */
  extension: string;
  write(report: ScanReport, options: WriterOptions): string;
}
