export { loadPolicyText } from './load.js';
export type { LoadedPolicies, UnsupportedPolicy } from './load.js';
export { checkRule } from './check.js';
export type { PolicyProblem } from './check.js';
export { parseValuesText, valuesFromObject } from './values.js';
export { bindAdmissionPolicies } from './admission-policy.js';
export type { AdmissionBindingDoc, AdmissionPolicyDoc } from './admission-policy.js';
