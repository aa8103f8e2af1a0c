export { dotnetPackagesLock } from './analyzer.js';
export { parsePackagesLock } from './parse.js';
export type { NuGetLockEntry, PackagesLockParseResult } from './parse.js';
