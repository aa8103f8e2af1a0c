export { exceptionsFromAnnotations, IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION } from './annotations.js';
export { applyExceptions } from './apply.js';
export type { ExceptionOutcome } from './apply.js';
export { exceptionMatches, globToRegExp } from './match.js';
export type { Exception } from './types.js';
