export { rpmSqlite } from './analyzer.js';
export { parseRpmHeader, parseSourceRpm, RPM_TYPE, RPMTAG } from './header.js';
export type { RpmHeaderPackage, RpmHeaderResult } from './header.js';
export { readRpmSqlite } from './sqlite.js';
export type { RpmSqliteResult } from './sqlite.js';
