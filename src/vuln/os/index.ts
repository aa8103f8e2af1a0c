export { OS_IDENTIFICATION_FILES, detectOs, osEcosystem, osFromDebianVersion, osFromRedhatRelease, osFromRelease, purlDistro } from './detect.js';
export { parseOsRelease } from './os-release.js';
export type { OsFamily, OsInfo } from './types.js';
