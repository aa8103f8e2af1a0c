export { composerLock } from './analyzer.js';
export { parseComposerLock } from './parse.js';
export type { ComposerEntry, ComposerParseResult } from './parse.js';
