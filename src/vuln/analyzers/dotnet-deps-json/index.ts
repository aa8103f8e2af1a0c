export { dotnetDepsJson } from './analyzer.js';
export { parseDepsJson } from './parse.js';
export type { DepsJsonParseResult, DepsLibraryEntry } from './parse.js';
