export { runValidate } from './validate.js';
export type { ForeachValues, HandlerOutcome } from './validate.js';
export { matchPattern } from './pattern.js';
export type { PatternOutcome } from './pattern.js';
export { matchValue } from './value.js';
export { anchorProblem, parseKey } from './anchors.js';
export type { AnchorKind, ParsedKey } from './anchors.js';
export { CONTAINER_LEVEL_CONTROLS, CONTROL_LEVELS, POD_LEVEL_CONTROLS, runPodSecurity } from './pod-security.js';
export type { PodSecurityExclusion } from './pod-security.js';
