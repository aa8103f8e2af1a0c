export { gemfileLock } from './analyzer.js';
export { parseGemfileLock } from './parse.js';
export type { GemfileLockParse, GemSpec } from './parse.js';
