import type { Finding } from '../findings/index.js';
import { isProblem } from '../findings/index.js';
import type { ReportTotals } from './types.js';

export function totalsOf(findings: readonly Finding[]): ReportTotals {
  const totals: ReportTotals = {
    byStatus: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
    bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  };
  for (const f of findings) {
    totals.byStatus[f.status]++;
    if (isProblem(f.status)) totals.bySeverity[f.severity]++;
  }
  return totals;
}
