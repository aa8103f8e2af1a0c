import type { Finding, Severity } from '../../../findings/index.js';
import { SEVERITIES } from '../../../findings/index.js';
import { formatLocated } from '../../../kernel/index.js';
import type { ReportWriter, ScanReport, WriterOptions } from '../../types.js';
import { paint } from './colour.js';

/** Human view: findings grouped by resource, worst first, then input problems and scores. */
export const tableWriter = {
  id: 'table',
  description: 'Human-readable table grouped by resource (default)',
  extension: 'txt',
  write(report: ScanReport, options: WriterOptions): string {
    const c = paint(options.color);
    const lines: string[] = [];
    for (const group of groupByResource(report.findings)) {
      const first = group[0];
      if (first === undefined) continue;
      const s = first.subject;
      const where = first.location === undefined ? '' : `${first.location.file}`;
      lines.push(c.bold(`${s.kind} ${s.namespace === undefined ? '' : `${s.namespace}/`}${s.name}`) + c.dim(where === '' ? '' : `  (${where})`));
      for (const f of group) {
        const sev = f.status === 'skip' ? c.dim('SKIP'.padEnd(8)) : c.severity(f.severity, f.severity.toUpperCase().padEnd(8));
        const container = f.subject.container === undefined ? '' : c.dim(` [${f.subject.container}]`);
        const line = f.location === undefined ? '' : c.dim(` :${f.location.line}`);
        lines.push(`  ${sev} ${f.checkId}${container}${line}`);
        lines.push(`           ${f.message}`);
        if (f.status === 'skip' && f.suppression !== undefined) {
          lines.push(c.dim(`           skipped: ${f.suppression.reason} (${f.suppression.source})`));
        } else {
          // Our own ids repeat the check id; the table lists only what other tools call it.
          const others = f.compatibleIds.filter((id) => !id.startsWith('bosun:'));
          if (others.length > 0) lines.push(c.dim(`           also: ${others.join(', ')}`));
        }
      }
      lines.push('');
    }
    for (const summary of report.summaries) {
      lines.push(c.bold(`${summary.family} score: ${summary.overall.score} (${summary.overall.grade})`));
      for (const [ns, grade] of Object.entries(summary.byNamespace)) {
        lines.push(`  ${ns === '' ? 'cluster-scoped' : `namespace ${ns}`}: ${grade.score} (${grade.grade})`);
      }
      lines.push('');
    }
    if (report.diagnostics.length > 0) {
      lines.push(c.bold('Input problems:'));
      for (const d of report.diagnostics) {
        const tag = d.level === 'error' ? c.severity('high', 'error') : c.severity('low', 'warning');
        lines.push(`  ${tag} ${formatLocated(d.message, d.file, d.line, d.column)}`);
      }
      lines.push('');
    }
    lines.push(summaryLine(report));
    return `${lines.join('\n')}\n`;
  },
} satisfies ReportWriter;

function summaryLine(report: ScanReport): string {
  const t = report.totals;
  const problems = t.byStatus.fail + t.byStatus.warn + t.byStatus.error;
  const bySeverity = SEVERITIES.filter((s) => t.bySeverity[s] > 0).map((s) => `${t.bySeverity[s]} ${s}`);
  const parts = [
    `${report.inputs.resources} resource${report.inputs.resources === 1 ? '' : 's'} in ${report.inputs.files.length} file${report.inputs.files.length === 1 ? '' : 's'}`,
    `${problems} finding${problems === 1 ? '' : 's'}${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`,
  ];
  if (t.byStatus.skip > 0) parts.push(`${t.byStatus.skip} skipped`);
  if (t.byStatus.pass > 0) parts.push(`${t.byStatus.pass} passed`);
  const errors = report.diagnostics.filter((d) => d.level === 'error').length;
  if (errors > 0) parts.push(`${errors} input error${errors === 1 ? '' : 's'}`);
  return `Summary: ${parts.join(', ')}`;
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function groupByResource(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const s = f.subject;
    const key = `${f.location?.file ?? ''}\u0000${s.kind}\u0000${s.namespace ?? ''}\u0000${s.name}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [f]);
    else group.push(f);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => statusRank(a) - statusRank(b) || RANK[a.severity] - RANK[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.checkId.localeCompare(b.checkId));
  }
  return [...groups.values()];
}

function statusRank(f: Finding): number {
  return f.status === 'skip' ? 2 : f.status === 'pass' ? 3 : 0;
}
