export { celPreconditionsHold, runCelValidate } from './validate.js';
export type { CelInput, CelOutcome } from './validate.js';
export { celEnvironment, compileCel, evaluateCel, normaliseCel } from './environment.js';
export { libraryBindings, registerKyvernoLibraries } from './libraries.js';
export { runCelValidation } from './admission.js';
