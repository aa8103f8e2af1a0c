export { createPolicyEngine } from './engine.js';
export type { EvaluateOptions, PolicyEngine, PolicyEngineOptions } from './engine.js';
export { emptyValues } from './api.js';
export type { AdmissionInfo, LoadedPolicy, PolicyRule, PolicyValues, ResultResource, RuleResult, RuleStatus } from './api.js';
export { loadPolicyText, parseValuesText, valuesFromObject } from './load/index.js';
export type { LoadedPolicies, UnsupportedPolicy } from './load/index.js';
