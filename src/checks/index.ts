export { auditResources } from './engine.js';
export type { AuditInput, AuditOutcome } from './engine.js';
export { formatPath, locationOf } from './merge.js';
export { allChecks, FAMILIES, familiesOf, findCheck } from './registry.js';
export { createResourceIndex, sameNamespace } from './resource-index.js';
export type { ResourceIndex } from './resource-index.js';
export { knownCheckIds, parseSelection, SELECTION_NAMES } from './selection.js';
export type { CheckSelection } from './selection.js';
export type { AuditContext, AuditOptions, CheckFamily, CheckInfo, CheckResult, FamilyId, FamilySummary, Grade, ResultStatus } from './types.js';
