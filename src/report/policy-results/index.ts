export { POLICY_RESULT_WRITERS } from './registry.js';
export { buildPolicyReports, policyReportWriter, REPORT_SOURCE } from './policy-report/index.js';
export type { PolicyReportDocument, PolicyReportResult } from './policy-report/index.js';
export { policySarifLogOf, policySarifWriter } from './sarif/index.js';
export type { PolicyResultLocation, PolicyResultRecord, PolicyResultResource, PolicyResultsRun, PolicyResultWriter } from './types.js';
