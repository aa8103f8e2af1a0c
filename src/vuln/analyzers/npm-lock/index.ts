export { npmLock } from './analyzer.js';
export { parseNpmLock } from './parse.js';
export type { NpmLockEntry, NpmLockParseResult, NpmLockProblem } from './parse.js';
