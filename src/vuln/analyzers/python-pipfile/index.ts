export { pythonPipfile } from './analyzer.js';
export { parsePipfileLock } from './parse.js';
export type { PipfileEntry, PipfileParseResult } from './parse.js';
