export { pnpmLock } from './analyzer.js';
export { parsePnpmLock } from './parse.js';
export type { PnpmEntry, PnpmParseResult, PnpmProblem } from './parse.js';
