export { createGoModAnalyzer, goMod } from './analyzer.js';
export type { GoModOptions } from './analyzer.js';
export { parseGoSum } from './gosum.js';
export type { SumEntry, SumParseResult } from './gosum.js';
export { parseGoMod } from './parse.js';
export type { GoModFile, GoModParseResult } from './parse.js';
