export { fingerprintOf } from './fingerprint.js';
export { atLeast, isProblem, isSeverity, maxSeverity, RULE_STATUSES, SEVERITIES, severityRank, worseStatus } from './severity.js';
export type { Finding, Location, ResourceSubject, RuleStatus, Severity, Subject, Suppression } from './types.js';
