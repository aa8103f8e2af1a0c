import type { ReportWriter, ScanReport } from '../../types.js';
import { html, raw } from './markup.js';
import { diagnosticsSection, findingsSection, scoresSection, summarySection } from './sections.js';
import { STYLESHEET } from './style.js';

/**
 * Blocks every request the page could make (scripts, images, fonts, frames); only the inline
 * stylesheet is allowed. Defence in depth behind the escaping, and a promise to readers who open
 * a report from an untrusted scan. ref. CSP Level 3 §6.1 (`default-src`).
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

/** One self-contained HTML page: no JavaScript, no external requests, printable. */
export const htmlWriter = {
  id: 'html',
  description: 'Self-contained HTML page (no scripts, no external requests)',
  extension: 'html',
  write(report: ScanReport): string {
    const files = report.inputs.files.length;
    const resources = report.inputs.resources;
    const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Bosun ${report.tool.version}">
<title>Bosun report: ${report.command}</title>
<style>${raw(STYLESHEET)}</style>
</head>
<body>
<header>
<h1>Bosun report</h1>
<p class="meta muted"><code>bosun ${report.command}</code> · Bosun ${report.tool.version} · ${report.generatedAt} · ${resources} resource${resources === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}</p>
</header>
<main>
${summarySection(report)}${scoresSection(report.summaries)}${findingsSection(report.findings)}${diagnosticsSection(report.diagnostics)}</main>
</body>
</html>
`;
    return page.html;
  },
} satisfies ReportWriter;
