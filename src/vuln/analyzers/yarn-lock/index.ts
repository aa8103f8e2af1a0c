export { yarnLock } from './analyzer.js';
export { parseYarnLock } from './parse.js';
export type { YarnEntry, YarnParseResult, YarnProblem } from './types.js';
