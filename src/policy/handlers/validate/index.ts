export { runValidate } from './validate.js';
export type { ForeachValues, HandlerOutcome } from './validate.js';
// The pattern language lives one level up (shared with mutate); re-exported for existing callers.
export { anchorProblem, matchPattern, matchValue, parseKey } from '../../pattern/index.js';
export type { AnchorKind, ParsedKey, PatternOutcome } from '../../pattern/index.js';
export { CONTAINER_LEVEL_CONTROLS, CONTROL_LEVELS, POD_LEVEL_CONTROLS, runPodSecurity } from './pod-security.js';
export type { PodSecurityExclusion } from './pod-security.js';
