import type { ReportWriter, ScanReport } from '../../types.js';

/** Version of the JSON report layout; bumped only on breaking changes. See docs/json-report.md. */
export const JSON_REPORT_SCHEMA = 'https://bosun.dev/schemas/report/v1';

/** The documented machine-readable report: stable field names, findings in a stable order. */
export const jsonWriter = {
  id: 'json',
  description: 'Bosun JSON report (stable schema, docs/json-report.md)',
  extension: 'json',
  write(report: ScanReport): string {
    const document = {
      $schema: JSON_REPORT_SCHEMA,
      tool: report.tool,
      command: report.command,
      generatedAt: report.generatedAt,
      inputs: report.inputs,
      totals: report.totals,
      scores: report.summaries,
      findings: report.findings,
      diagnostics: report.diagnostics,
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
} satisfies ReportWriter;
