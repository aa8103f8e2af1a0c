export { dpkgStatus } from './analyzer.js';
export { parseDpkgStatus, parseSourceField } from './parse.js';
export type { DpkgParseResult, DpkgStanza } from './parse.js';
