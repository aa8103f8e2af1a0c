import type { PolicyResultRecord } from '../types.js';
import { reportResultOf, timestampOf } from './result.js';
import type { PolicyReportDocument, PolicyReportResult, ReportSummary } from './types.js';
import { POLICY_REPORT_API_VERSION } from './types.js';

/**
 * Labels on every report. Not Kyverno's `managed-by: kyverno`: Kyverno's report controllers
 * garbage-collect and re-aggregate reports with that label, and would delete ours.
 */
export const REPORT_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'bosun' };

/** Name of the one ClusterPolicyReport: fixed, so re-applying the output replaces the last run's. */
export const CLUSTER_REPORT_NAME = 'bosun-policy-report';

/**
 * Name of a namespace's PolicyReport: fixed per namespace for the same reason. Namespace names are
 * DNS labels (at most 63 characters), so the result stays a valid object name.
 */
export function namespaceReportName(namespace: string): string {
  return `bosun-policy-report-${namespace}`;
}

/**
 * Groups results into one PolicyReport per namespace (namespaced resources) and one
 * ClusterPolicyReport (cluster-scoped ones). Reports come out cluster first, then by namespace;
 * results keep the order the engine produced them in, so the same run always gives the same bytes.
 */
export function buildPolicyReports(records: readonly PolicyResultRecord[], generatedAt: Date): PolicyReportDocument[] {
  const timestamp = timestampOf(generatedAt);
  const cluster: PolicyReportResult[] = [];
  const byNamespace = new Map<string, PolicyReportResult[]>();
  for (const record of records) {
    const entry = reportResultOf(record, timestamp);
    const namespace = record.resource.namespace;
    if (namespace === undefined) {
      cluster.push(entry);
      continue;
    }
    const list = byNamespace.get(namespace) ?? [];
    if (list.length === 0) byNamespace.set(namespace, list);
    list.push(entry);
  }
  const reports: PolicyReportDocument[] = [];
  if (cluster.length > 0) reports.push(documentOf('ClusterPolicyReport', undefined, cluster));
  for (const namespace of [...byNamespace.keys()].sort()) reports.push(documentOf('PolicyReport', namespace, byNamespace.get(namespace) ?? []));
  return reports;
}

function documentOf(kind: PolicyReportDocument['kind'], namespace: string | undefined, results: PolicyReportResult[]): PolicyReportDocument {
  const metadata: PolicyReportDocument['metadata'] = namespace === undefined
    ? { name: CLUSTER_REPORT_NAME, labels: { ...REPORT_LABELS } }
    : { name: namespaceReportName(namespace), namespace, labels: { ...REPORT_LABELS } };
  return { apiVersion: POLICY_REPORT_API_VERSION, kind, metadata, summary: summaryOf(results), results };
}

/** Counts by the reported result (after the unscored fail → warn rule), as Kyverno's summary does. */
function summaryOf(results: readonly PolicyReportResult[]): ReportSummary {
  const summary: ReportSummary = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const r of results) summary[r.result] += 1;
  return summary;
}
