export { npmInstalled } from './analyzer.js';
export { parseInstalledManifest } from './parse.js';
export type { InstalledParseResult } from './parse.js';
