/**
 * The `pss` config-audit family: Pod Security Standards verdicts (from the shared evaluator in
 * src/pod-security/) reported as shared-catalog findings.
 */
export { pssFamily } from './family.js';
