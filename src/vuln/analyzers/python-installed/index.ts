export { pythonInstalled } from './analyzer.js';
export { parseCoreMetadata } from './parse.js';
export type { DistributionMetadata, MetadataParseResult } from './parse.js';
