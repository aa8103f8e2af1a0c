export { runMutate, jsonPatchOperations } from './mutate.js';
export type { MutateForeachValues, MutateOutcome } from './mutate.js';
export { strategicMerge, mergeKeyOf } from './strategic-merge.js';
export { resolveAnchors, CONDITION_FAILED, GlobalAnchorSkip } from './anchors.js';
export { applyJsonPatch, parsePointer, deepEqual, JsonPatchError } from './json-patch.js';
export type { JsonPatchOperation } from './json-patch.js';
export { runMutateTargets } from './targets.js';
export type { TargetOutcome } from './targets.js';
