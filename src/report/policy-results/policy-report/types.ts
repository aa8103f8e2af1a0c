/**
 * The `wgpolicyk8s.io/v1alpha2` PolicyReport and ClusterPolicyReport kinds, as far as Bosun writes
 * them. Field names and enums follow the CRD Kyverno installs (config/crds/policyreport/); a test
 * validates the output against that schema.
 */
import type { RuleStatus, Severity } from '../../../findings/index.js';

export const POLICY_REPORT_API_VERSION = 'wgpolicyk8s.io/v1alpha2';

/** A Kubernetes ObjectReference, as `results[].resources[]` holds it. */
export interface ReportObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/** `google.protobuf.Timestamp` as the CRD spells it: both fields required. */
export interface ReportTimestamp {
  seconds: number;
  nanos: number;
}

export interface PolicyReportResult {
  source: string;
  policy: string;
  rule: string;
  result: RuleStatus;
  scored: boolean;
  severity?: Severity;
  category?: string;
  message: string;
  timestamp: ReportTimestamp;
  resources: ReportObjectReference[];
}

export type ReportSummary = Record<RuleStatus, number>;

export interface PolicyReportDocument {
  apiVersion: typeof POLICY_REPORT_API_VERSION;
  kind: 'PolicyReport' | 'ClusterPolicyReport';
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  summary: ReportSummary;
  results: PolicyReportResult[];
}
