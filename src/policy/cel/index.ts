export { celPreconditionsHold, runCelValidate } from './validate.js';
export type { CelInput, CelOutcome } from './validate.js';
export { celEnvironment, evaluateCel, normaliseCel } from './environment.js';
