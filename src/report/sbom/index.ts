export { toCycloneDx } from './cyclonedx/write.js';
export { toSpdx } from './spdx/write.js';
export type { CycloneDxOptions, SbomWriterOptions, SpdxOptions } from './types.js';
