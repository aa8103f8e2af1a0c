import { policyReportWriter } from './policy-report/index.js';
import { policySarifWriter } from './sarif/index.js';
import type { PolicyResultWriter } from './types.js';

/**
 * Formats for `bosun policy apply -o` beyond the command's own table and json. Registered
 * explicitly; a test fails when a folder here is not registered.
 */
export const POLICY_RESULT_WRITERS: ReadonlyMap<string, PolicyResultWriter> = new Map<string, PolicyResultWriter>([
  [policyReportWriter.id, policyReportWriter],
  [policySarifWriter.id, policySarifWriter],
]);
