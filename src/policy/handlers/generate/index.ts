export { runGenerate } from './generate.js';
export type { GenerateOutcome } from './generate.js';
export { generatingPolicyRules, runCelGenerate } from './generating-policy.js';
export type { GeneratingPolicyProblem } from './generating-policy.js';
