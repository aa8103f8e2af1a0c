export { apkInstalled } from './analyzer.js';
export { parseApkInstalled } from './parse.js';
export type { ApkParseResult, ApkRecord } from './parse.js';
