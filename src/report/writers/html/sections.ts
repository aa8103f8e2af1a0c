import type { FamilySummary, Grade } from '../../../checks/index.js';
import type { Finding } from '../../../findings/index.js';
import { SEVERITIES, severityRank } from '../../../findings/index.js';
import type { Diagnostic } from '../../../kernel/index.js';
import type { ScanReport } from '../../types.js';
import { locationText, resourceKey, subjectRef } from '../subject.js';
import type { SafeHtml } from './markup.js';
import { html, prose } from './markup.js';

/** Counts by severity (failing findings only, as in the totals), then skips, passes, input errors. */
export function summarySection(report: ScanReport): SafeHtml {
  const t = report.totals;
  const inputErrors = report.diagnostics.filter((d) => d.level === 'error').length;
  const severities = SEVERITIES.map((s) => html`<li><span class="n">${t.bySeverity[s]}</span><span class="badge sev-${s}">${s}</span></li>`);
  return html`<section id="summary">
<h2>Summary</h2>
<ul class="counts">
${severities}<li><span class="n">${t.byStatus.skip}</span><span class="badge st-skip">skipped</span></li><li><span class="n">${t.byStatus.pass}</span><span class="badge st-pass">passed</span></li><li><span class="n">${inputErrors}</span><span class="badge lvl-error">input errors</span></li>
</ul>
</section>
`;
}

/** Polaris-style scores: one table per family, overall, then by namespace, then by resource. */
export function scoresSection(summaries: readonly FamilySummary[]): SafeHtml | undefined {
  if (summaries.length === 0) return undefined;
  const tables = summaries.map((summary) => {
    const rows = [
      gradeRow('overall', summary.overall),
      ...Object.keys(summary.byNamespace)
        .sort(compareCodeUnits)
        .flatMap((ns) => {
          const grade = summary.byNamespace[ns];
          return grade === undefined ? [] : [gradeRow(ns === "" ? "cluster-scoped" : `namespace ${ns}`, grade)];
        }),
      ...summary.byResource.map((r) => gradeRow(`${r.kind} ${r.namespace === undefined ? '' : `${r.namespace}/`}${r.name}`, r)),
    ];
    return html`<h3>${summary.family}</h3>
<table>
<thead><tr><th>Scope</th><th>Score</th><th>Grade</th><th>Passed</th><th>Warnings</th><th>Dangers</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
`;
  });
  return html`<section id="scores">
<h2>Scores</h2>
${tables}</section>
`;
}

function gradeRow(scope: string, g: Grade): SafeHtml {
  return html`<tr><td>${scope}</td><td class="num">${g.score}</td><td><strong>${g.grade}</strong></td><td class="num">${g.passed}</td><td class="num">${g.warnings}</td><td class="num">${g.dangers}</td></tr>
`;
}

/** Findings grouped by resource (in report order), problems worst-first, then skips, then passes. */
export function findingsSection(findings: readonly Finding[]): SafeHtml {
  const groups = groupByResource(findings);
  const body = groups.length === 0 ? [html`<p>No findings.</p>\n`] : groups.map(resourceArticle);
  return html`<section id="findings">
<h2>Findings</h2>
${body}</section>
`;
}

function resourceArticle(group: readonly Finding[]): SafeHtml {
  const first = group[0];
  if (first === undefined) return html``;
  const file = first.location?.file;
  const rows = [...group].sort(byImportance).map(findingRow);
  return html`<article class="resource">
<h3>${subjectRef(first.subject)}${file === undefined ? '' : html` <span class="muted mono">${file}</span>`}</h3>
<table>
<thead><tr><th>Severity</th><th>Check</th><th>Where</th><th>Details</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</article>
`;
}

function findingRow(f: Finding): SafeHtml {
  return html`<tr class="${f.status}"><td>${badge(f)}</td><td><code>${f.checkId}</code><br>${f.title}</td><td>${where(f)}</td><td>${details(f)}</td></tr>
`;
}

/** `file:line:column`, the field path and the container. */
function where(f: Finding): SafeHtml {
  const parts = [
    ...(f.location === undefined ? [] : [html`<span class="mono">${locationText(f.location)}</span>`]),
    ...(f.location?.field === undefined ? [] : [html`<br><code>${f.location.field}</code>`]),
    ...(f.subject.container === undefined ? [] : [html`<br>container <code>${f.subject.container}</code>`]),
  ];
  return parts.length === 0 ? html`<span class="muted">no source position</span>` : html`${parts}`;
}

/** Message, why it was skipped, how to fix it, and the other tools' ids for it. */
function details(f: Finding): SafeHtml {
  const s = f.suppression;
  const about = s === undefined ? [] : [s.source, ...(s.owner === undefined ? [] : [`owner ${s.owner}`]), ...(s.ticket === undefined ? [] : [`ticket ${s.ticket}`]), ...(s.expires === undefined ? [] : [`expires ${s.expires}`])];
  const why = f.status !== 'skip' ? undefined : s === undefined ? html`<p class="why">no reason recorded</p>` : html`<p class="why">${s.reason} <span class="muted">(${about.join(', ')})</span></p>`;
  const fix = f.status === 'pass' || f.remediation === '' ? undefined : html`<p class="fix">${prose(f.remediation)}</p>`;
  const also = f.compatibleIds.length === 0 ? undefined : html`<p class="also mono">${f.compatibleIds.join(', ')}</p>`;
  return html`<p>${prose(f.message)}</p>${why}${fix}${also}`;
}

/** Severity badge; skips and passes say so instead, with the severity beside them. */
function badge(f: Finding): SafeHtml {
  if (f.status === 'skip') return html`<span class="badge st-skip">skipped</span><br><span class="muted">${f.severity}</span>`;
  if (f.status === 'pass') return html`<span class="badge st-pass">passed</span>`;
  const status = f.status === 'fail' ? undefined : html`<br><span class="muted">${f.status === 'error' ? 'could not evaluate' : f.status}</span>`;
  return html`<span class="badge sev-${f.severity}">${f.severity}</span>${status}`;
}

export function diagnosticsSection(diagnostics: readonly Diagnostic[]): SafeHtml | undefined {
  if (diagnostics.length === 0) return undefined;
  const rows = diagnostics.map((d) => {
    const where = d.file === undefined ? '' : `${d.file}${d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`}`;
    return html`<tr><td><span class="badge lvl-${d.level}">${d.level}</span></td><td><code>${d.code}</code></td><td class="mono">${where}</td><td>${d.message}</td></tr>
`;
  });
  return html`<section id="input-problems">
<h2>Input problems</h2>
<table>
<thead><tr><th>Level</th><th>Code</th><th>Where</th><th>Message</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
}

function groupByResource(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = resourceKey(f);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [f]);
    else group.push(f);
  }
  return [...groups.values()];
}

const STATUS_ORDER: Record<Finding['status'], number> = { fail: 0, error: 0, warn: 0, skip: 1, pass: 2 };

function byImportance(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    compareCodeUnits(a.checkId, b.checkId)
  );
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
