export { pythonPoetry } from './analyzer.js';
export { parsePoetryLock } from './parse.js';
export type { PoetryEntry, PoetryParseResult } from './parse.js';
