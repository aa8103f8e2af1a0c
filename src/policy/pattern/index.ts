/** Kyverno pattern language (anchors, wildcards, value operators), shared by the validate and mutate handlers. */
export { anchorProblem, parseKey } from './anchors.js';
export type { AnchorKind, ParsedKey } from './anchors.js';
export { matchPattern } from './pattern.js';
export type { PatternOutcome } from './pattern.js';
export { matchValue } from './value.js';
