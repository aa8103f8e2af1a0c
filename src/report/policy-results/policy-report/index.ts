import type { PolicyResultsRun, PolicyResultWriter } from '../types.js';
import { buildPolicyReports } from './build.js';
import { emitDocument } from './emit.js';

export { buildPolicyReports, CLUSTER_REPORT_NAME, namespaceReportName, REPORT_LABELS } from './build.js';
export { REPORT_SOURCE } from './result.js';
export type { PolicyReportDocument, PolicyReportResult } from './types.js';

/**
 * `wgpolicyk8s.io/v1alpha2` reports as a multi-document YAML stream, the form `kubectl apply -f`
 * and GitOps tools take directly (a `v1` List would need unwrapping by tools that read reports as
 * files). With no results the stream holds no documents, only a comment, which is still valid YAML.
 */
export const policyReportWriter = {
  id: 'policy-report',
  description: 'PolicyReport / ClusterPolicyReport (wgpolicyk8s.io/v1alpha2), multi-document YAML',
  write(run: PolicyResultsRun): string {
    const reports = buildPolicyReports(run.results, run.generatedAt);
    if (reports.length === 0) return '# bosun: no policy results\n';
    // Messages stay on one line, so the output diffs and greps cleanly; no anchors or aliases.
    return reports.map((r) => emitDocument(r)).join('---\n');
  },
} satisfies PolicyResultWriter;
