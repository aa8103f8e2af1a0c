export { ruleApplies } from './match.js';
export type { MatchSubject } from './match.js';
export { kindMatches, parseKindSelector } from './kinds.js';
export { pluralOf, resourceRulesMatch } from './resource-rules.js';
export type { KindSelector } from './kinds.js';
