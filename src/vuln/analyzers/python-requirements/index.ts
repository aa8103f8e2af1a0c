export { pythonRequirements } from './analyzer.js';
export { parseRequirementsFile } from './parse.js';
export type { RequirementEntry, RequirementsFile } from './parse.js';
export { parseRequirement } from './requirement.js';
export type { ParsedRequirement, RequirementResult } from './requirement.js';
