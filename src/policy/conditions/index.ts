export { evaluateConditions } from './evaluate.js';
export type { ConditionOutcome } from './evaluate.js';
export { applyOperator, isOperator, normaliseOperator, OPERATORS } from './operators.js';
export type { Operator } from './operators.js';
export { compareOrdered, deepEqual, scalarText, valuesEqual } from './compare.js';
export { hasWildcard, wildcardMatch } from './wildcard.js';
